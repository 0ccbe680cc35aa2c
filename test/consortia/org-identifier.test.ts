import { describe, expect, it } from 'vitest';
import { parseOrgIdentifier } from '../../shared/consortia/org-identifier';
import { DomainError } from '../../shared/platform/errors';

const rule = (raw: string) => {
  try {
    parseOrgIdentifier(raw);
    return 'ok';
  } catch (error) {
    return (error as DomainError).issues[0]?.rule;
  }
};

describe('org-id identifiers', () => {
  it.each([
    'GB-CHC-1123456',
    'GB-SC-SC012345',
    'GB-NIC-100123',
    'GB-COH-01234567',
    'GB-COH-SC123456',
    'GB-LAE-KEN',
    'GB-LAS-EDH',
    'GB-PLA-CRF',
    'GB-LANI-BFS',
    'GB-NHS-QHL',
    'GB-GOV-D9',
    '360G-wyvern-food-bank',
  ])('accepts %s', (id) => {
    expect(rule(id)).toBe('ok');
  });

  it('refuses the retired GB-GOR list and says what to use instead', () => {
    expect(() => parseOrgIdentifier('GB-GOR-PB1')).toThrowError(/GB-GOR was retired.*GB-GOV/);
    expect(rule('GB-GOR-PB1')).toBe('org-id-retired-prefix');
  });

  it.each([
    ['XX-ABC-123', 'org-id-known-prefix'],
    ['1123456', 'org-id-known-prefix'],
    ['GB-CHC-12AB', 'org-id-format'],
    ['GB-COH-123', 'org-id-format'],
    ['GB-LAE-kent', 'org-id-format'],
  ])('refuses %s (%s)', (id, expected) => {
    expect(rule(id)).toBe(expected);
  });

  it('names the field and the list in the error', () => {
    const error = (() => {
      try {
        parseOrgIdentifier('GB-CHC-12AB', 'members[0].identifier');
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.issues[0]).toMatchObject({ field: 'members[0].identifier', rule: 'org-id-format' });
    expect(error?.message).toContain('Charity Commission for England and Wales');
  });
});
