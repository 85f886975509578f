/**
 * Composes the supergraph from every subgraph's schema (built in-process, no servers needed) and
 * writes apps/gateway/supergraph.graphql. `--check` fails when composition fails or the committed
 * file is stale.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeSubgraphs } from './compose-subgraphs';

const TARGET = resolve(__dirname, '../../apps/gateway/supergraph.graphql');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const supergraph = await composeSubgraphs();
  if (check) {
    const committed = readFileSync(TARGET, 'utf8');
    if (committed !== supergraph) {
      console.error('apps/gateway/supergraph.graphql is stale: run `npm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date');
    return;
  }
  writeFileSync(TARGET, supergraph);
  console.log(`wrote ${TARGET}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
