export { signAccessToken, verifyAccessToken, type AccessTokenClaims } from './access-token';
export { AuthContext } from './auth-context';
export { DEMO_ACCOUNTS, demoIdentity, type DemoUsername } from './demo-accounts';
export { permissionAuthChecker } from './auth-checker';
export { ANONYMOUS, type Grant, type Identity } from './identity';
export { signIdentityToken, verifyIdentityToken } from './identity-token';
export { hashPassword, verifyPassword } from './password';
export { Permission, ROLE_PERMISSIONS } from './permission';
export { Role } from './role';
