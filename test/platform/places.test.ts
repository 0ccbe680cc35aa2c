import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  isGssCode,
  type Place,
  placeByCode,
  placesOfType,
  placesSource,
  prefixesOfType,
  to360GivingLocation,
} from '../../shared/platform/places/places';

const root = resolve(import.meta.dirname, '..', '..');

/** The 360Giving geoCodeType codelist shipped with the schemas (../shared/schemas/360giving). */
const codelist: { Code: string; Title: string; 'Documentation (URL)': string }[] = parse(
  readFileSync(join(root, '..', 'shared', 'schemas', '360giving', 'codelists', 'geoCodeType.csv'), 'utf8'),
  { columns: true },
);
const geoCodeTypes = new Set(codelist.map((row) => row.Code));

const all = () => (['district', 'county', 'icb'] as const).flatMap((type) => placesOfType(type));

/**
 * Lines copied verbatim from the source files (not from english-places.json), parsed here:
 * ideal-postcodes/postcodes.io data/districts.json at d78cc76 (ONSPD Aug 2023, LA_UA names and
 * codes UK as at 04_23) and data/icb.json at 2cb312a (ICB names and codes UK as at 04_23), and
 * drkane/geo-lookups utla_all_codes.csv at e20a072.
 */
const districtLines = [
  '  "E06000001": "Hartlepool",',
  '  "E06000019": "Herefordshire, County of",',
  '  "E06000063": "Cumberland",',
  '  "E07000008": "Cambridge",',
  '  "E08000003": "Manchester",',
  '  "E09000001": "City of London",',
];
const icbLines = [
  '  "E54000008": "NHS Cheshire and Merseyside Integrated Care Board",',
  '  "E54000027": "NHS North West London Integrated Care Board",',
  '  "E54000064": "NHS Sussex Integrated Care Board"',
];
const countyLines = [
  'E10000003,Cambridgeshire,E47000008,Cambridgeshire and Peterborough,E12000006,East of England,E92000001,England,K04000001,England and Wales,K03000001,Great Britain,K02000001,United Kingdom',
  'E10000034,Worcestershire,,,E12000005,West Midlands,E92000001,England,K04000001,England and Wales,K03000001,Great Britain,K02000001,United Kingdom',
];
const fromJsonLine = (line: string) => {
  const [, code, name] = /^\s*"(\w+)": "(.*)",?$/.exec(line) ?? [];
  return { code, name };
};
const fromCsvLine = (line: string) => {
  const [code, name] = line.split(',');
  return { code, name };
};

describe('English places with ONS GSS codes', () => {
  it('has the counts of the releases shipped', () => {
    // 296 English districts in LA_UA names and codes UK as at 04_23 (63 E06, 164 E07, 36 E08, 33 E09).
    expect(placesOfType('district')).toHaveLength(296);
    const byPrefix = (prefix: string) => placesOfType('district').filter((p) => p.code.startsWith(prefix)).length;
    expect([byPrefix('E06'), byPrefix('E07'), byPrefix('E08'), byPrefix('E09')]).toEqual([63, 164, 36, 33]);
    // 21 E10 rows in drkane/geo-lookups utla_all_codes.csv; 42 E54 rows in ICB names and codes UK as at 04_23.
    expect(placesOfType('county')).toHaveLength(21);
    expect(placesOfType('icb')).toHaveLength(42);
  });

  it('has every code once, each a GSS code with its type’s prefix', () => {
    const codes = all().map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const place of all()) {
      expect(isGssCode(place.code), place.code).toBe(true);
      expect(prefixesOfType[place.type], place.code).toContain(place.code.slice(0, 3));
      expect(place.name.trim(), place.code).not.toBe('');
    }
  });

  it('agrees with lines read from the source files', () => {
    const expectPlace = (type: Place['type']) => (line: { code?: string; name?: string }) =>
      expect(placeByCode(line.code ?? '')).toEqual({ code: line.code, name: line.name, type });
    districtLines.map(fromJsonLine).forEach(expectPlace('district'));
    icbLines.map(fromJsonLine).forEach(expectPlace('icb'));
    countyLines.map(fromCsvLine).forEach(expectPlace('county'));
  });

  it('leaves out areas abolished before the release', () => {
    // Allerdale (E07000026) was in postcodes.io districts.json until d78cc76 removed it; Cumbria is
    // "E10000006" in its 2010 counties.json. Both went in the April 2023 reorganisation.
    expect(placeByCode('E07000026')).toBeUndefined();
    expect(placeByCode('E10000006')).toBeUndefined();
    expect(placeByCode('E99999999')).toBeUndefined();
  });

  it('recognises GSS codes by form', () => {
    expect(['E06000001', 'W06000024', 'S12000033', 'N09000001'].every(isGssCode)).toBe(true);
    expect(['', 'E0600000', 'E060000011', 'X06000001', 'e06000001', 'E06 000001', '00AA'].some(isGssCode)).toBe(false);
  });

  it('gives 360Giving locations whose geoCodeType is in the shipped codelist', () => {
    expect(to360GivingLocation(placeByCode('E06000001')!)).toEqual({ name: 'Hartlepool', geoCode: 'E06000001', geoCodeType: 'UA' });
    expect(to360GivingLocation(placeByCode('E07000008')!).geoCodeType).toBe('NMD');
    expect(to360GivingLocation(placeByCode('E08000003')!).geoCodeType).toBe('MD');
    expect(to360GivingLocation(placeByCode('E09000001')!).geoCodeType).toBe('LONB');
    expect(to360GivingLocation(placeByCode('E10000003')!).geoCodeType).toBe('CTY');
    for (const place of [...placesOfType('district'), ...placesOfType('county')])
      expect(geoCodeTypes, place.code).toContain(to360GivingLocation(place).geoCodeType);
  });

  it('publishes an ICB by its code with no geoCodeType, as the codelist has none for E54', () => {
    expect(codelist.filter((row) => /E54$/.test(row['Documentation (URL)']) || /integrated care/i.test(row.Title))).toEqual([]);
    expect(to360GivingLocation(placeByCode('E54000008')!)).toEqual({
      name: 'NHS Cheshire and Merseyside Integrated Care Board',
      geoCode: 'E54000008',
    });
  });

  it('records where each list was read', () => {
    expect(Object.keys(placesSource.source).sort()).toEqual(['county', 'district', 'icb']);
    for (const part of Object.values(placesSource.source)) expect(part.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});
