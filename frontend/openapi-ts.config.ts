// `make client` (npm run client): the typed client from the gateway's committed OpenAPI document.
// src/client/ is generated and committed; never edit it by hand (a test fails when it is stale).
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: '../services/gateway/openapi.json',
  // RELAIS_CLIENT_OUT: the staleness check generates into a temporary folder and compares
  output: { path: process.env.RELAIS_CLIENT_OUT || './src/client', postProcess: [] },
  plugins: [
    '@hey-api/typescript',
    '@hey-api/client-fetch',
    {
      name: '@hey-api/sdk',
      // one class per tag (AccountsService.preview()); operation ids are "{tag}-{name}"
      operations: {
        strategy: 'byTags',
        containerName: '{{name}}Service',
        // the method is the operation id without its "{tag}-" prefix: AccountsService.changePassword()
        nesting: (operation) => {
          const id = operation.operationId ?? operation.id;
          const tag = operation.tags?.[0];
          return [tag && id.startsWith(`${tag}-`) ? id.slice(tag.length + 1) : id];
        },
        methodName: { case: 'camelCase' },
      },
    },
  ],
});
