import { pounds } from '../../shared/platform/format';
import type { FormFields } from '../lib/web/form';
import { asOption, ListError } from '../lib/web/inputs';
import type { Question } from '../lib/web/journey';
import type { DraftCtx } from './draft-context';

/** The funding task of drafting a tender: the pool, and each voting member's contribution from it. */
type Q = Question<DraftCtx>;

/** Each voting member's contribution: one box each, blank for a member who does not fund the tender. */
function fundingFields(ctx: Pick<DraftCtx, 'funders'>): FormFields {
  return {
    poolId: { label: 'Pool', as: 'choice', missing: 'Select the pool the money comes from' },
    funders: { label: 'Contributions', as: 'list', missing: 'Enter at least one member’s contribution' },
    ...Object.fromEntries(
      ctx.funders.map((f, i) => [`funders.${i}.amount`, { label: `Contribution from ${f.name}`, as: 'pounds' as const, optional: true }]),
    ),
  };
}

/** What the member has to give, pool by pool: its core money not yet committed or reserved. */
const availableHint = (ctx: DraftCtx, orgId: string) => {
  const each = ctx.pools.map(
    (p) => `${pounds(ctx.coreAvailable.get(p.id)?.get(orgId) ?? 0)} of core money available${ctx.pools.length > 1 ? ` in ${p.name}` : ''}`,
  );
  return `${each.join('; ')}.`;
};

export function fundingQuestion(ctx: Pick<DraftCtx, 'funders'>): Q {
  return {
    id: 'funding',
    task: 'Funding from the pool',
    heading: 'Who pays for it, from which pool?',
    fields: fundingFields(ctx),
    body: ({ ctx, errors, field }) => (
      <>
        <ListError id="funders" errors={errors} />
        <field.Choice name="poolId" legend="Pool" options={ctx.pools.map(asOption)} />
        <h2 class="govuk-heading-m">Contributions</h2>
        <p class="govuk-body">
          What each member puts in from its money in the pool. Together they must come to the value of the lots. Each member is asked to
          sign off its contribution; it is reserved in the pool only when the tender is published. Leave a member blank if it does not fund
          the tender.
        </p>
        {ctx.funders.map((f, i) => (
          <field.Pounds name={`funders.${i}.amount`} label={`Contribution from ${f.name}`} hint={availableHint(ctx, f.orgId)} />
        ))}
      </>
    ),
  };
}
