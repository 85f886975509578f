import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * Module boundaries: a context (scope:org, scope:grid, scope:ticket, scope:assessment) may use
 * only itself and the platform, so contexts never import each other: data crosses by federation
 * or jobs. Within a context, graphql → data-access, never the other way.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  { ignores: ['**/dist', '**/node_modules', '.data', '.nx', 'coverage', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:platform'] },
            { sourceTag: 'scope:org', onlyDependOnLibsWithTags: ['scope:org', 'scope:platform'] },
            { sourceTag: 'scope:grid', onlyDependOnLibsWithTags: ['scope:grid', 'scope:platform'] },
            { sourceTag: 'scope:ticket', onlyDependOnLibsWithTags: ['scope:ticket', 'scope:platform'] },
            { sourceTag: 'scope:assessment', onlyDependOnLibsWithTags: ['scope:assessment', 'scope:platform'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:graphql', onlyDependOnLibsWithTags: ['type:graphql', 'type:data-access', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:jobs', onlyDependOnLibsWithTags: ['type:jobs', 'type:data-access', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:graphql', 'type:data-access', 'type:jobs', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
