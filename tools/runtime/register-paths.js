// Lets a compiled app resolve `@gridgov/*` imports. The @nx/js:tsc build keeps the workspace
// layout under dist/apps/<app>/ (apps/…, libs/…), so the tsconfig paths apply there with .js.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

const main = path.resolve(process.argv[1] ?? '');
const match = /^(.*[\\/]dist[\\/]apps[\\/][^\\/]+)[\\/]/.exec(main);
const baseUrl = match ? match[1] : path.resolve(__dirname, '../..');
const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, targets]) => [alias, targets.map((t) => t.replace(/\.ts$/, '.js'))]),
);
register({ baseUrl, paths });
