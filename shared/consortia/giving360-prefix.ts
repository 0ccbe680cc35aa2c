import { invalid } from '../platform/errors';

/**
 * An organisation's 360Giving publisher prefix: what 360Giving gives a funder when it registers as
 * a publisher (its Publisher Registration Form), and what every grant identifier it publishes
 * starts with ("360G-xyztrust" and grant "123" make "360G-xyztrust-123").
 *
 * The rule, from the 360Giving standard's identifier guidance (documentation/identifiers.md,
 * "Get your prefix" and "Grant Identifier"): registered prefixes start with "360G"; a hyphen
 * separates the parts; slashes are to be avoided (they break some tools), and spaces and other
 * characters are replaced. So: "360G-", then letters and digits in parts joined by single hyphens
 * (no hyphen at the end: the grant's own number follows one). 360Giving's quality checks match
 * "360G" case-insensitively (threesixtygiving.py get_prefixes), so "360g-" typed is read as the
 * "360G-" it stands for, which grantloop's own check (giving360-quality.ts, GrantIdWithout360GPrefix)
 * expects; the rest is kept exactly as registered.
 */
export const GIVING360_PREFIX = /^360G-[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/i;

/** Long enough for any registered prefix seen (360G-Heritage-Lottery-Fund is 26). */
export const GIVING360_PREFIX_MAX = 60;

/** What the rule says when a prefix breaks it, after the field's name ("360Giving prefix must …"). */
export const giving360PrefixRule = 'must start with 360G- followed by letters, numbers and hyphens, like 360G-wyvernshire';

/** The prefix as stored: trimmed, "360G" in capitals; a validation error naming the field if it breaks the rule. */
export function checkGiving360Prefix(input: string): string {
  const prefix = input.trim();
  if (prefix.length > GIVING360_PREFIX_MAX || !GIVING360_PREFIX.test(prefix))
    throw invalid('prefix', 'giving360-prefix', giving360PrefixRule);
  return `360G${prefix.slice(4)}`;
}
