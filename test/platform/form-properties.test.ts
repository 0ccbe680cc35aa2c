import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixForm } from '../../functions/consortia/giving360-prefix-page';
import { roleForm } from '../../functions/consortia/member-pages';
import { newConsortiumJourney } from '../../functions/consortia/new-consortium';
import { newMemberJourney } from '../../functions/consortia/new-member';
import { newOrganisationJourney } from '../../functions/consortia/new-organisation';
import { addMilestonesJourney, amendContractJourney } from '../../functions/contracts/amend-journeys';
import { decisionFields, ratingFields } from '../../functions/contracts/contract-actions';
import { invoiceFields, paidFields } from '../../functions/contracts/payment-actions';
import { policyForm as contractPolicyForm } from '../../functions/contracts/policy-page';
import { registerContractJourney } from '../../functions/contracts/register-journey';
import { decisionBody, invoiceBody, paidBody, ratingBody } from '../../functions/contracts/schemas';
import { contractStatusJourney } from '../../functions/contracts/status-journey';
import { amendGrantJourney, grantStatusJourney } from '../../functions/grants/change-journeys';
import { decideForm } from '../../functions/grants/grant-actions';
import { grantPaymentJourney, grantReturnJourney } from '../../functions/grants/money-journeys';
import { grantPlanJourney } from '../../functions/grants/plan-journey';
import { amountAmendment, conditionAmendment, datesAmendment } from '../../functions/grants/schemas';
import {
  decodeForm,
  type FieldSpec,
  type FormFields,
  fieldId,
  maxLengthOf,
  type PostedForm,
  postedNames,
  submitForm,
} from '../../functions/lib/web/form';
import type * as z from '../../functions/lib/zod';
import { policyForm } from '../../functions/overview/consortium-actions';
import { newAwardJourney } from '../../functions/pools/new-award';
import { newContributionJourney } from '../../functions/pools/new-contribution';
import { newPledgeJourney } from '../../functions/pools/new-pledge';
import { newPoolJourney } from '../../functions/pools/new-pool';
import { newProposalJourney } from '../../functions/pools/new-proposal';
import { newRoundJourney } from '../../functions/pools/new-round';
import { leadDecisionForm, voteForm } from '../../functions/pools/round-actions';
import { grantForm } from '../../functions/publishing/grant-page';
import { settingsForm } from '../../functions/publishing/settings-page';
import { reviewForm } from '../../functions/reporting/report-page';
import { awardVoteFields, challengeFields, resolutionFields } from '../../functions/tenders/award-actions';
import { cancelFields } from '../../functions/tenders/cancel-page';
import { leadDecisionFields } from '../../functions/tenders/draft-actions';
import type { DraftCtx } from '../../functions/tenders/draft-context';
import { tenderJourney } from '../../functions/tenders/draft-journey';
import { moderationFields, scoreFields } from '../../functions/tenders/evaluation-actions';
import {
  answerBody,
  awardVoteBody,
  cancelBody,
  challengeBody,
  leadDecisionBody,
  moderationBody,
  providerBody,
  resolutionBody,
  scoreBody,
  signOffBody,
} from '../../functions/tenders/schemas';
import { answerFields, newProviderFields, signOffFields } from '../../functions/tenders/tender-actions';
import { pageModules } from '../support/module-graph';
import { root } from '../support/stack';

/**
 * Issue 24's acceptance: each page form, sent empty, with each field at and over its limit, with
 * impossible dates, amounts of more than two decimals or below nothing, and text that was not
 * UTF-8 (read as U+FFFD by the page route), is refused with messages naming the field as the
 * page labels it, and its use case never runs (nothing is written). And for any text at all in
 * its fields, the decoder answers a value the schema accepts or plain-English errors about the
 * form's own fields: it never throws, never shows zod's words. What the pages show back (what
 * was typed) is the journeys' and pages' engines tests.
 */
type Form = {
  module: string;
  schema: z.ZodMiniType;
  fields: FormFields;
  fixed?: Record<string, unknown>;
  adapt?: (input: Record<string, unknown>) => Record<string, unknown>;
};

/** A journey's questions as one form, each list's first item expanded (as its page posts it). */
function journeyForm(
  module: string,
  j: {
    schema: z.ZodMiniType;
    questions: { fields: FormFields; list?: { path: string; item: FormFields; first?: number } }[];
    adapt?: Form['adapt'];
  },
): Form {
  const fields: FormFields = {};
  for (const q of j.questions) {
    Object.assign(fields, q.fields);
    for (const [rel, spec] of Object.entries(q.list?.item ?? {})) fields[`${q.list?.path}.${q.list?.first ?? 0}.${rel}`] = spec;
  }
  return { module, schema: j.schema, fields, adapt: j.adapt };
}

/** Amending a grant, for one kind: that kind's fields and the reason, as the journey's pages ask them. */
function amendForm(schema: z.ZodMiniType, paths: string[], fixed: Record<string, unknown>): Form {
  const all: FormFields = Object.assign({}, ...amendGrantJourney.questions.map((q) => q.fields));
  const fields = Object.fromEntries([...paths, 'reason'].map((p) => [p, all[p] as FieldSpec]));
  return { module: 'functions/grants/change-journeys.tsx', schema, fields, fixed };
}

const tender = { criteria: [{ id: 'quality', kind: 'quality', title: 'Quality' }] } as never;
/** The drafting journey for a consortium of two voting members: a contribution box each. */
const draftCtx = {
  funders: [
    { orgId: '01J0000000000000000000000A', name: 'Wyvernshire County Council' },
    { orgId: '01J0000000000000000000000B', name: 'Harbourside Trust' },
  ],
} as DraftCtx;

export const forms: Record<string, Form> = {
  'consortium: reporting policy': { module: 'functions/overview/consortium-actions.ts', ...policyForm },
  'report: review': { module: 'functions/reporting/report-page.tsx', ...reviewForm },
  'grant: decide a condition': { module: 'functions/grants/grant-actions.ts', ...decideForm('C1') },
  'round: vote': { module: 'functions/pools/round-actions.ts', ...voteForm },
  'round: lead decision': { module: 'functions/pools/round-actions.ts', ...leadDecisionForm },
  'tender: sign off': { module: 'functions/tenders/tender-actions.ts', schema: signOffBody, fields: signOffFields },
  'tender: answer a question': { module: 'functions/tenders/tender-actions.ts', schema: answerBody, fields: answerFields('Q1') },
  'tender: invite a provider not listed': {
    module: 'functions/tenders/tender-actions.ts',
    schema: providerBody,
    fields: newProviderFields,
  },
  'tender: score a bid': {
    module: 'functions/tenders/evaluation-actions.ts',
    schema: scoreBody,
    fields: scoreFields(tender, '01J0000000000000000000000A.lot-1'),
    fixed: { bidId: '01J0000000000000000000000A.lot-1' },
  },
  'tender: moderate': { module: 'functions/tenders/evaluation-actions.ts', schema: moderationBody, fields: moderationFields },
  'tender: award vote': { module: 'functions/tenders/award-actions.ts', schema: awardVoteBody, fields: awardVoteFields },
  'tender: record a challenge': { module: 'functions/tenders/award-actions.ts', schema: challengeBody, fields: challengeFields },
  'tender: resolve a challenge': { module: 'functions/tenders/award-actions.ts', schema: resolutionBody, fields: resolutionFields('C1') },
  'tender: cancel': { module: 'functions/tenders/cancel-page.tsx', schema: cancelBody, fields: cancelFields },
  'tender: lead decision': { module: 'functions/tenders/draft-actions.ts', schema: leadDecisionBody, fields: leadDecisionFields },
  'journey: draft a tender': journeyForm('functions/tenders/draft-pages.tsx', tenderJourney(draftCtx, 'new')),
  // The same questions, whose own rules (weights, key dates) decode their answers alone (draft-rules.tsx).
  'journey: change a draft tender': journeyForm('functions/tenders/draft-rules.tsx', tenderJourney(draftCtx, 'edit')),
  'contract: decide a milestone': { module: 'functions/contracts/contract-actions.ts', schema: decisionBody, fields: decisionFields('M1') },
  'contract: rate a KPI': { module: 'functions/contracts/contract-actions.ts', schema: ratingBody, fields: ratingFields('K1') },
  'contract: invoice received': { module: 'functions/contracts/payment-actions.ts', schema: invoiceBody, fields: invoiceFields('P1') },
  'contract: payment made': { module: 'functions/contracts/payment-actions.ts', schema: paidBody, fields: paidFields('P1') },
  'journey: create a pool': journeyForm('functions/pools/new-pool.tsx', newPoolJourney),
  'journey: record a pledge': { ...journeyForm('functions/pools/new-pledge.tsx', newPledgeJourney), fixed: { currency: 'GBP' } },
  'journey: record money received': {
    ...journeyForm('functions/pools/new-contribution.tsx', newContributionJourney),
    fixed: { currency: 'GBP' },
  },
  'journey: open a round': journeyForm('functions/pools/new-round.tsx', newRoundJourney),
  'journey: add a proposal': { ...journeyForm('functions/pools/new-proposal.tsx', newProposalJourney), fixed: { currency: 'GBP' } },
  'journey: award a grant from a pool': { ...journeyForm('functions/pools/new-award.tsx', newAwardJourney), fixed: { currency: 'GBP' } },
  "journey: a grant's plan": journeyForm('functions/grants/plan-journey.tsx', grantPlanJourney),
  'journey: record a payment': { ...journeyForm('functions/grants/money-journeys.tsx', grantPaymentJourney), fixed: { currency: 'GBP' } },
  'journey: record money returned': {
    ...journeyForm('functions/grants/money-journeys.tsx', grantReturnJourney),
    fixed: { currency: 'GBP' },
  },
  // One form a kind of amendment: the kind chosen on the first page picks the shape the rest is decoded into.
  'journey: amend a grant (amount)': amendForm(amountAmendment, ['amount'], { kind: 'amount', currency: 'GBP' }),
  'journey: amend a grant (dates)': amendForm(datesAmendment, ['plannedStart', 'plannedEnd'], { kind: 'dates' }),
  'journey: amend a grant (condition)': amendForm(conditionAmendment, ['add.description'], { kind: 'conditions', 'add.kind': 'ongoing' }),
  "journey: change a grant's status": journeyForm('functions/grants/change-journeys.tsx', grantStatusJourney),
  'journey: add an organisation': journeyForm('functions/consortia/new-organisation.tsx', newOrganisationJourney),
  'journey: add a member of staff': journeyForm('functions/consortia/new-member.tsx', newMemberJourney),
  'journey: propose a consortium': {
    ...journeyForm('functions/consortia/new-consortium.tsx', newConsortiumJourney),
    fixed: { 'members.0.role': 'lead' },
  },
  'journey: register a contract': journeyForm('functions/contracts/register-journey.tsx', registerContractJourney),
  'journey: add milestones and KPIs to a contract': journeyForm('functions/contracts/amend-journeys.tsx', addMilestonesJourney),
  // Made for the contract's own milestones: here, one whose date may move.
  'journey: amend a contract': journeyForm('functions/contracts/amend-journeys.tsx', amendContractJourney(['M1'])),
  "journey: change a contract's status": journeyForm('functions/contracts/status-journey.tsx', contractStatusJourney),
  'council: the contract policy': { module: 'functions/contracts/policy-page.tsx', ...contractPolicyForm },
  "staff: change a member's role": { module: 'functions/consortia/member-pages.tsx', ...roleForm },
  'organisation: its 360Giving prefix': { module: 'functions/consortia/giving360-prefix-page.tsx', ...prefixForm },
  // Both publishing pages decode through functions/publishing/form.ts (saveForm), each with its own form.
  'consortium: publishing settings': { module: 'functions/publishing/form.ts', ...settingsForm },
  'grant: publishing details': { module: 'functions/publishing/form.ts', ...grantForm },
};

/** Modules that read forms only to pick a record or a form (a hidden id, an action), with no answers of their own. */
const pickersOnly = new Set([
  'functions/lib/web/form.ts',
  'functions/lib/web/journey.tsx',
  'functions/lib/web/form-actions.ts',
  'functions/contracts/contracts-page.tsx',
]);

/** The schema of one field, by its path (`period.startDate`, `lots.0.name`), looking through optional and defaults. */
function schemaAt(schema: z.core.$ZodType, path: string): z.core.$ZodType | undefined {
  let at: z.core.$ZodType | undefined = schema;
  for (const key of path.split('.')) {
    while (at && (at._zod.def as { innerType?: z.core.$ZodType }).innerType)
      at = (at._zod.def as { innerType?: z.core.$ZodType }).innerType;
    const def = at?._zod.def as
      | { shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType; options?: z.core.$ZodType[] }
      | undefined;
    // A union (a contract's funding: the council's, or a pool's): the option that has the field.
    const option = def?.options?.map((o) => (o._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape?.[key]).find(Boolean);
    at = /^\d+$/.test(key) ? def?.element : (def?.shape?.[key] ?? def?.valueType ?? option);
  }
  return at;
}

const nameOf = (path: string, spec: FieldSpec) => spec.name ?? path;
/** Every id a form's error may link to: its fields (a date's three boxes) and the form. */
const idsOf = (fields: FormFields) => new Set(Object.entries(fields).flatMap(([p, s]) => postedNames(p, s)));
const zodWords =
  /Invalid input|expected (a |an )?(string|number|array|object)|received (undefined|NaN|string)|NaN|\bundefined\b|\[object|too_(small|big)/;
const textual = (s: FieldSpec) => !s.as || s.as === 'text';

/** submitForm with the journey's `adapt` too (journeys decode through the same decodeForm, with it). */
async function decodeThenRun(form: Form, posted: PostedForm, run: () => Promise<void>) {
  if (!form.adapt) return submitForm(posted, { schema: form.schema, fields: form.fields, formId: 'form', fixed: form.fixed }, run);
  const d = decodeForm(form.schema, form.fields, posted, form.fixed, form.adapt);
  if (!d.errors) await run();
  return d;
}

/** Sends a form to a use case that records whether it ran: the decoder's answer and whether anything would have been written. */
async function send(form: Form, posted: PostedForm) {
  let ran = false;
  const r = await decodeThenRun(form, posted, async () => {
    ran = true;
  });
  return { errors: r.errors ?? [], ran };
}

const errorOn = (errors: { field: string; message: string }[], path: string, spec: FieldSpec) =>
  errors.find((e) => e.field === fieldId(path, spec) || e.field.startsWith(`${nameOf(path, spec)}-`));

describe('every page form refuses bad answers by name and writes nothing', () => {
  it('knows every module whose page code decodes answers', () => {
    const decoding = pageModules().filter(
      (f) => !pickersOnly.has(f) && /\b(decodeForm|submitForm|journeyPage)\(/.test(readFileSync(join(root, f), 'utf8')),
    );
    const covered = new Set(Object.values(forms).map((f) => f.module));
    expect(decoding.filter((f) => !covered.has(f))).toEqual([]);
    expect(decoding.length).toBeGreaterThan(8);
  });

  for (const [name, form] of Object.entries(forms)) {
    describe(name, () => {
      const entries = Object.entries(form.fields);

      it('empty: each required field named, nothing run', async () => {
        const { errors, ran } = await send(form, {});
        const required = entries.filter(([, s]) => !s.optional && !['flag', 'checkboxes', 'wholes', 'list'].includes(s.as ?? 'text'));
        if (required.length) expect(ran).toBe(false);
        for (const [path, spec] of required) {
          const e = errorOn(errors, path, spec);
          expect(e, `${name}: ${path}`).toBeDefined();
          expect(
            e?.message === spec.missing || e?.message.toLowerCase().includes(spec.label.toLowerCase().slice(0, 12)),
            `${name}: ${e?.message}`,
          ).toBe(true);
        }
        for (const e of errors) expect(e.message).not.toMatch(zodWords);
      });

      it('each text field at its limit is fine, and over it refused by name', async () => {
        for (const [path, spec] of entries.filter(([, s]) => textual(s))) {
          const max = maxLengthOf(schemaAt(form.schema, path) as z.core.$ZodType);
          expect(max, `${name}: ${path} has no limit`).toBeGreaterThan(0);
          const at = await send(form, { [nameOf(path, spec)]: 'a'.repeat(max as number) });
          expect(errorOn(at.errors, path, spec)?.message ?? '').not.toContain('characters or fewer');
          const over = await send(form, { [nameOf(path, spec)]: 'a'.repeat((max as number) + 1) });
          expect(errorOn(over.errors, path, spec)?.message).toBe(
            `${spec.label} must be ${(max as number).toLocaleString('en-GB')} characters or fewer`,
          );
          expect(over.ran).toBe(false);
        }
      });

      it('impossible dates, amounts of three decimals or below nothing, and unreadable text: refused by name', async () => {
        for (const [path, spec] of entries) {
          const n = nameOf(path, spec);
          const cases: [PostedForm, string][] =
            spec.as === 'datetime'
              ? [
                  [
                    { [`${n}-day`]: '31', [`${n}-month`]: '2', [`${n}-year`]: '2027', [`${n}-hour`]: '9', [`${n}-minute`]: '0' },
                    `${spec.label} must be a real date`,
                  ],
                  [
                    { [`${n}-day`]: '1', [`${n}-month`]: '4', [`${n}-year`]: '2027', [`${n}-hour`]: '24', [`${n}-minute`]: '0' },
                    `${spec.label} must be a real time`,
                  ],
                  // 1:30am on 28 March 2027: the clocks go from 1am to 2am, so no such moment exists in London.
                  [
                    { [`${n}-day`]: '28', [`${n}-month`]: '3', [`${n}-year`]: '2027', [`${n}-hour`]: '1', [`${n}-minute`]: '30' },
                    `${spec.label} is a time that does not exist in London`,
                  ],
                  [
                    { [`${n}-day`]: '1\uFFFD', [`${n}-month`]: '4', [`${n}-year`]: '2027', [`${n}-hour`]: '9', [`${n}-minute`]: '0' },
                    `${spec.label} has characters`,
                  ],
                ]
              : spec.as === 'date'
                ? [
                    [{ [`${n}-day`]: '31', [`${n}-month`]: '2', [`${n}-year`]: '2027' }, `${spec.label} must be a real date`],
                    [{ [`${n}-day`]: '31', [`${n}-month`]: '4', [`${n}-year`]: '2027' }, `${spec.label} must be a real date`],
                    [{ [`${n}-day`]: '1\uFFFD', [`${n}-month`]: '4', [`${n}-year`]: '2027' }, `${spec.label} has characters`],
                  ]
                : spec.as === 'pounds'
                  ? [
                      [{ [n]: '12.345' }, `${spec.label} must be in pounds and pence, with no more than 2 decimal places`],
                      [{ [n]: '-5' }, `${spec.label} must be £0.00 or more`],
                    ]
                  : [[{ [n]: 'Caf\uFFFD' }, `${spec.label} has characters that could not be read: type it again`]];
          for (const [posted, message] of cases) {
            const r = await send(form, posted);
            expect(errorOn(r.errors, path, spec)?.message, `${name}: ${path}`).toContain(message);
            expect(r.ran).toBe(false);
          }
        }
      });

      it('any text in any field: a value the schema accepts, or plain errors about this form’s fields (property)', async () => {
        const ids = idsOf(form.fields);
        const names = [...ids];
        const value = fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('', '£1,000.50', '-1', '31', '2027', 'x'.repeat(6000), '\uFFFD', '0'),
        );
        await fc.assert(
          fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), value), async (posted) => {
            const r = decodeForm(form.schema, form.fields, posted, form.fixed, form.adapt);
            if (r.errors) {
              for (const e of r.errors) {
                expect(ids.has(e.field) || e.field === 'form').toBe(true);
                expect(e.message).not.toMatch(zodWords);
              }
            } else expect(form.schema.safeParse(r.value).success).toBe(true);
          }),
          { numRuns: 150 },
        );
      });
    });
  }
});
