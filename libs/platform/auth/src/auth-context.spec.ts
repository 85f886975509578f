import { AuthContext } from './auth-context';
import { Permission } from './permission';
import { Role } from './role';

const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
  return 'OK';
};

describe('AuthContext scope by code prefix', () => {
  const gridWorker = new AuthContext({ accountId: 'a', grants: [{ role: Role.GRID_WORKER, scopeCode: '520303001001001' }] });
  const streetAdmin = new AuthContext({ accountId: 'b', grants: [{ role: Role.UNIT_ADMIN, scopeCode: '520303001' }] });
  const handler = new AuthContext({ accountId: 'c', grants: [{ role: Role.DEPARTMENT_HANDLER, departmentId: 'd-1' }] });

  it('covers codes that start with the grant’s scope and nothing else', () => {
    expect(streetAdmin.can(Permission.GRID_MANAGE, '520303001001002')).toBe(true);
    expect(streetAdmin.can(Permission.GRID_MANAGE, '520303002001001')).toBe(false);
    expect(gridWorker.can(Permission.HOUSEHOLD_READ, '520303001001001')).toBe(true);
    expect(gridWorker.can(Permission.HOUSEHOLD_READ, '520303001001002')).toBe(false);
  });

  it('grants only the permissions of the role', () => {
    expect(gridWorker.can(Permission.UNIT_MANAGE, '520303001001001')).toBe(false);
    expect(codeOf(() => gridWorker.assert(Permission.GRID_MANAGE, '520303001001001'))).toBe('FORBIDDEN');
    expect(codeOf(() => gridWorker.assert(Permission.TICKET_REPORT, '520303001001001'))).toBe('OK');
  });

  it('scopes department grants by department, not by code', () => {
    expect(handler.departmentIds(Permission.TICKET_RESOLVE)).toEqual(['d-1']);
    expect(handler.scopePrefixes(Permission.TICKET_RESOLVE)).toEqual([]);
  });

  it('treats anonymous callers as unauthenticated', () => {
    const anonymous = new AuthContext({ accountId: null, grants: [] });
    expect(codeOf(() => anonymous.assert(Permission.UNIT_READ, '52'))).toBe('UNAUTHENTICATED');
  });

  it('collapses to the platform scope when one grant is platform-wide', () => {
    const admin = new AuthContext({
      accountId: 'x',
      grants: [
        { role: Role.PLATFORM_ADMIN, scopeCode: '' },
        { role: Role.LEADER, scopeCode: '520303' },
      ],
    });
    expect(admin.scopePrefixes(Permission.UNIT_READ)).toEqual(['']);
  });
});
