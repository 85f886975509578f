// Runs a TypeScript tool script with ts-node (keeps decorator metadata) and the workspace path aliases.
const path = require('node:path');
process.env.TS_NODE_PROJECT ??= path.resolve(__dirname, '../../tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
require('ts-node/register');
require('tsconfig-paths/register');
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
