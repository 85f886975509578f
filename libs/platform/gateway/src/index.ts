export { startGateway, type GatewayOptions, type RunningGateway } from './create-gateway';
export { orgAccountLookup } from './org-account-lookup';
export { createIdentityResolver, type OidcOptions } from './resolve-identity';
export { IDENTITY_HEADER, SignedIdentityDataSource, type GatewayContext } from './signed-identity-data-source';
export { DEFAULT_UPLOAD_MAX_BYTES, UPLOAD_SUBGRAPHS } from './upload-route';
