import type { Organisation } from '../../shared/consortia/organisation';
import type { User } from '../../shared/consortia/store';
import { apiClient } from './client';
import type { LocalRuntime } from './runtime';
import { exampleFunders, platformAdmin } from './seed';

/**
 * Bootstraps the first platform admin directly through the use case (there is nobody yet to
 * call the API), then seeds the example funders through the HTTP API like any admin would.
 */
export async function ensurePlatformAdmin(): Promise<User> {
  const { dynamoConsortia } = await import('../../shared/consortia/dynamodb-store');
  const { createUser } = await import('../../shared/consortia/organisations');
  const { clock } = await import('../../shared/platform/clock');
  const existing = await dynamoConsortia.findUserByEmail(platformAdmin.email);
  if (existing) return existing;
  return createUser({ consortia: dynamoConsortia, clock }, 'bootstrap', { ...platformAdmin, platformAdmin: true });
}

export interface SeededFunder {
  org: Organisation;
  admin: User;
  role: 'lead' | 'member' | 'observer';
}

export async function seedExampleFunders(runtime: LocalRuntime, admin: User): Promise<SeededFunder[]> {
  const api = apiClient(runtime.apiUrl, runtime.issuer);
  const seeded: SeededFunder[] = [];
  for (const f of exampleFunders) {
    const org = await api.call<Organisation>(admin, 'POST', '/organisations', f.org);
    const { user } = await api.call<{ user: User }>(admin, 'POST', `/organisations/${org.id}/members`, { ...f.admin, role: 'admin' });
    seeded.push({ org, admin: user, role: f.role });
  }
  return seeded;
}
