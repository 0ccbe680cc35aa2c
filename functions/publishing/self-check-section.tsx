import { plural } from '../../shared/platform/format';
import type { SelfCheck } from '../../shared/publishing/self-check';
import { WarningText } from '../lib/web/govuk';
import { Table } from '../lib/web/table';

/**
 * The self-check on the publishing page: what 360Giving's offline rules and the registry would
 * say about the grants file, before anything is public. What blocks publishing is listed first,
 * each as something a person can do; advice follows as a table of rules and grants affected.
 */
export function SelfCheckSection({ check }: { check: SelfCheck }) {
  const advice = check.findings.filter((f) => f.severity === 'warning');
  return (
    <>
      <h2 class="govuk-heading-m" id="self-check">
        Checks on the grants data
      </h2>
      <p class="govuk-body">
        {plural(check.records, 'grant or contribution', 'grants and contributions')} checked against 360Giving’s own data quality rules, as
        the 360Giving file would publish them.
      </p>
      {check.blocking.length ? (
        <>
          <WarningText>Put these right before the consortium publishes its grants.</WarningText>
          <ul class="govuk-list govuk-list--bullet">
            {check.blocking.map((b) => (
              <li>{b}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="govuk-body">Nothing stops the consortium publishing its grants.</p>
      )}
      {advice.length ? (
        <Table
          caption="360Giving’s advice (publishing can go ahead)"
          captionSize="s"
          columns={['Advice', { label: 'Grants affected', numeric: true }]}
          rows={advice.map((f) => [f.message, String(f.grantIds.length)])}
        />
      ) : null}
    </>
  );
}
