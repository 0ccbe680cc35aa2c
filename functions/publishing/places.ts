import { type PlaceType, placeByCode, placesOfType } from '../../shared/platform/places/places';
import type { OptionGroup } from '../lib/web/select';

const typeNames: Record<PlaceType, string> = {
  county: 'Counties',
  district: 'Local authority districts (unitary, district and metropolitan councils, London boroughs)',
  icb: 'NHS integrated care boards',
};

/** Every shipped place as a select's groups, by type, each sorted by name (people look for a name, not a code). */
export function placeGroups(): OptionGroup[] {
  return (['county', 'district', 'icb'] as const).map((type) => ({
    label: typeNames[type],
    options: placesOfType(type)
      .map((p) => ({ value: p.code, label: p.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
  }));
}

/** A place by its code in words: its name and code, or the code alone when it is no longer on the list. */
export const placeName = (code: string) => {
  const place = placeByCode(code);
  return place ? `${place.name} (${place.code})` : code;
};
