import { invalid } from '../platform/errors';

/**
 * Organisation identifiers follow org-id.guide: `<list prefix>-<identifier on that list>`.
 * 360Giving requires them for recipients and funders, so a wrong one would make every later
 * export invalid; we check the prefix and the shape of the registry's own numbers.
 */
interface OrgList {
  name: string;
  pattern: RegExp;
  example: string;
}

const lists: Record<string, OrgList> = {
  'GB-CHC': { name: 'Charity Commission for England and Wales', pattern: /^\d{6,8}$/, example: 'GB-CHC-1123456' },
  'GB-SC': { name: 'Office of the Scottish Charity Regulator', pattern: /^SC\d{6}$/, example: 'GB-SC-SC012345' },
  'GB-NIC': { name: 'Charity Commission for Northern Ireland', pattern: /^\d{5,6}$/, example: 'GB-NIC-100123' },
  'GB-COH': {
    name: 'Companies House',
    pattern: /^(\d{8}|(SC|NI|OC|SO|NC|IP|RS|CE|CS)\d{6})$/,
    example: 'GB-COH-01234567',
  },
  'GB-LAE': { name: 'Local authorities in England', pattern: /^[A-Z]{3,4}$/, example: 'GB-LAE-KEN' },
  'GB-LAS': { name: 'Local authorities in Scotland', pattern: /^[A-Z]{3,4}$/, example: 'GB-LAS-EDH' },
  'GB-PLA': { name: 'Principal local authorities in Wales', pattern: /^[A-Z]{3,4}$/, example: 'GB-PLA-CRF' },
  'GB-LANI': { name: 'Local authorities in Northern Ireland', pattern: /^[A-Z]{3,4}$/, example: 'GB-LANI-BFS' },
  'GB-NHS': { name: 'NHS organisation data service', pattern: /^[A-Z0-9]{3,5}$/, example: 'GB-NHS-QHL' },
  'GB-GOV': { name: 'UK government organisations register', pattern: /^[A-Z]?\d{1,4}$/, example: 'GB-GOV-D9' },
  'GB-MPR': { name: 'Mutuals Public Register', pattern: /^\d{1,6}R?$/, example: 'GB-MPR-12345R' },
  'GB-EDU': { name: 'Get information about schools', pattern: /^\d{6}$/, example: 'GB-EDU-123456' },
  'GB-UKPRN': { name: 'UK register of learning providers', pattern: /^\d{8}$/, example: 'GB-UKPRN-10001234' },
};

const retired: Record<string, string> = {
  'GB-GOR': 'GB-GOR was retired by org-id.guide; use the GB-GOV register instead (for example GB-GOV-D9)',
};

// Pure: a bundle that parses no identifier (it only reads organisations) leaves the lists out.
// Exported for the 360Giving self-check (pools/giving360-quality.ts), our offline subset of org-id.guide.
export const knownPrefixes = /* @__PURE__ */ Object.keys(lists);

export function parseOrgIdentifier(raw: string, field = 'identifier'): { prefix: string; id: string; value: string } {
  const value = raw.trim();
  for (const [prefix, message] of Object.entries(retired)) {
    if (value.startsWith(`${prefix}-`)) throw invalid(field, 'org-id-retired-prefix', message);
  }
  // 360Giving's own prefix for organisations with no registration (small community groups).
  const selfMatch = /^360G-([A-Za-z0-9][A-Za-z0-9._-]{1,60})$/.exec(value);
  if (selfMatch) return { prefix: '360G', id: selfMatch[1] as string, value };
  const prefix = knownPrefixes.filter((p) => value.startsWith(`${p}-`)).sort((a, b) => b.length - a.length)[0];
  if (!prefix) {
    throw invalid(
      field,
      'org-id-known-prefix',
      `identifier must start with a known org-id.guide prefix (${knownPrefixes.join(', ')}) or 360G-; got "${value}"`,
    );
  }
  const list = lists[prefix] as OrgList;
  const id = value.slice(prefix.length + 1);
  if (!list.pattern.test(id)) {
    throw invalid(
      field,
      'org-id-format',
      `"${id}" is not a valid number on the ${list.name} list (${prefix}); expected something like ${list.example}`,
    );
  }
  return { prefix, id, value };
}
