import type { NewOrganisation } from '../../shared/consortia/organisation';

/**
 * The example consortium, shaped like the one in the research this product serves: "a group of
 * about six funders who came together" to fund local infrastructure. Names are fictional.
 */
export const platformAdmin = { email: 'admin@grantloop.local', name: 'Platform Admin' };

interface SeedFunder {
  org: NewOrganisation;
  admin: { email: string; name: string };
  role: 'lead' | 'member' | 'observer';
}

export const exampleFunders: SeedFunder[] = [
  {
    org: {
      name: 'Wyvernshire County Council',
      kind: 'funder',
      funderType: 'local-authority',
      identifier: 'GB-LAE-WYV',
      contactEmail: 'communities@wyvernshire.example.org',
    },
    admin: { email: 'ruth.okafor@wyvernshire.example.org', name: 'Ruth Okafor' },
    role: 'lead',
  },
  {
    org: {
      name: 'Eastbrook District Council',
      kind: 'funder',
      funderType: 'local-authority',
      identifier: 'GB-LAE-EBK',
      contactEmail: 'grants@eastbrook.example.org',
    },
    admin: { email: 'tom.hughes@eastbrook.example.org', name: 'Tom Hughes' },
    role: 'member',
  },
  {
    org: {
      name: 'NHS Wyvern Integrated Care Board',
      kind: 'funder',
      funderType: 'icb',
      identifier: 'GB-NHS-QWY',
      contactEmail: 'vcse@wyvern-icb.example.org',
    },
    admin: { email: 'priya.shah@wyvern-icb.example.org', name: 'Priya Shah' },
    role: 'member',
  },
  {
    org: {
      name: 'Harbourside Trust',
      kind: 'funder',
      funderType: 'trust-foundation',
      identifier: 'GB-CHC-1098765',
      contactEmail: 'grants@harbourside.example.org',
    },
    admin: { email: 'ann.lee@harbourside.example.org', name: 'Ann Lee' },
    role: 'member',
  },
  {
    org: {
      name: 'The Millbank Foundation',
      kind: 'funder',
      funderType: 'trust-foundation',
      identifier: 'GB-CHC-1154321',
      contactEmail: 'hello@millbank.example.org',
    },
    admin: { email: 'sam.patel@millbank.example.org', name: 'Sam Patel' },
    role: 'member',
  },
  {
    org: {
      name: 'Wyvern Community Foundation',
      kind: 'funder',
      funderType: 'trust-foundation',
      identifier: 'GB-CHC-1112223',
      contactEmail: 'team@wyverncf.example.org',
    },
    admin: { email: 'jo.byrne@wyverncf.example.org', name: 'Jo Byrne' },
    role: 'observer',
  },
];
