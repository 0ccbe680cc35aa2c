import data from './english-places.json';

/**
 * English places a consortium or a grant can name as its beneficiary location: local authority
 * districts (unitary authorities E06, non-metropolitan districts E07, metropolitan districts E08,
 * London boroughs E09), non-metropolitan counties (E10) and NHS Integrated Care Boards (E54), each
 * with its ONS GSS code. The list is shipped data (english-places.json, which records where each
 * part was read and its release), so a place is chosen from it, never typed free-hand.
 */
export type PlaceType = 'district' | 'county' | 'icb';

export interface Place {
  readonly code: string;
  readonly name: string;
  readonly type: PlaceType;
}

/** A 360Giving `beneficiaryLocation` entry. */
export interface GivingLocation {
  readonly name: string;
  readonly geoCode: string;
  /** From the 360Giving geoCodeType codelist; absent for ICBs, which the codelist has no type for. */
  readonly geoCodeType?: string;
}

/** The GSS code prefixes (entity codes) each place type may carry. */
export const prefixesOfType: Readonly<Record<PlaceType, readonly string[]>> = {
  district: ['E06', 'E07', 'E08', 'E09'],
  county: ['E10'],
  icb: ['E54'],
};

/**
 * The 360Giving geoCodeType for each entity code (codelists/geoCodeType.csv: UA E06, NMD E07,
 * MD E08, LONB E09, CTY E10). The codelist has no type for ICBs (E54): its only NHS commissioning
 * type is CCG (E38), the areas ICBs replaced in July 2022. So an ICB is published with its geoCode
 * and no geoCodeType (the field is optional in the 360Giving schema) rather than a wrong type.
 */
const geoCodeTypeOfPrefix: Readonly<Record<string, string>> = { E06: 'UA', E07: 'NMD', E08: 'MD', E09: 'LONB', E10: 'CTY' };

const GSS_CODE = /^[EWSN]\d{8}$/;

/** Whether `code` has the form of an ONS GSS code: a country letter and eight digits. */
export function isGssCode(code: string): boolean {
  return GSS_CODE.test(code);
}

const isPlaceType = (type: string): type is PlaceType => Object.hasOwn(prefixesOfType, type);

function checked(entry: { code: string; name: string; type: string }): Place {
  const { code, name, type } = entry;
  if (!isPlaceType(type) || !isGssCode(code) || !prefixesOfType[type].includes(code.slice(0, 3)))
    throw new Error(`english-places.json: ${code} (${type}) is not a known place type with its GSS prefix`);
  return { code, name, type };
}

let byCode: ReadonlyMap<string, Place> | undefined;
const places = () => {
  byCode ??= new Map(data.places.map((entry) => [entry.code, checked(entry)]));
  return byCode;
};

/** The place with this GSS code, or undefined if it is not in the shipped list. */
export function placeByCode(code: string): Place | undefined {
  return places().get(code);
}

/** Every place of one type, in code order. */
export function placesOfType(type: PlaceType): Place[] {
  return [...places().values()].filter((place) => place.type === type);
}

/** The 360Giving `beneficiaryLocation` entry naming this place by its GSS code. */
export function to360GivingLocation(place: Place): GivingLocation {
  const geoCodeType = geoCodeTypeOfPrefix[place.code.slice(0, 3)];
  return geoCodeType === undefined ? { name: place.name, geoCode: place.code } : { name: place.name, geoCode: place.code, geoCodeType };
}

/** Where the shipped list was read, and its release. */
export const placesSource = { version: data.version, source: data.source };
