import { frequencies, type ReportingPolicy } from '../../shared/grants/report-schedule';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumOverview } from '../../shared/overview/consortium';
import { humanise, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { ActionForm, PageHead, type RecordState, recordPage } from '../lib/web/form-page';
import { Button, type FieldError, Select, SummaryList, Tag } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { figures, Link, Table } from '../lib/web/table';
import { runConsortiumAction } from './consortium-actions';
import { ProposalState } from './proposal-state';

type View = Awaited<ReturnType<typeof consortiumOverview>>;
type Typed = Record<string, string>;

const done: Record<string, string> = {
  policy: 'Reporting policy saved: it applies to plans set from now on.',
  confirmed: 'Consortium confirmed.',
};

/** The consortium: members, pools and rounds, reports, the lead's confirmation and the reporting policy form. */
export const consortiumPage: Page = recordPage({
  param: 'consortiumId',
  read: (caller, consortiumId) => consortiumOverview(overviewTable, caller, consortiumId),
  act: runConsortiumAction,
  banner: (d) => done[d],
  typed: (view) => typedFrom(view.policy),
  show: (view, state) => ({ title: view.consortium.name, ...where(view), body: <ConsortiumView view={view} {...state} /> }),
});

/** The consortium's overview is the first of its areas; its parent is what needs me. */
const where = (view: View) => ({
  section: 'overview' as const,
  consortium: { id: view.consortium.id, name: view.consortium.name },
  crumbs: consortiumCrumbs(view.consortium).slice(0, 1),
});

/** Funder types as the sector says them. */
const funderTypeNames: Record<string, string> = {
  'local-authority': 'Local authority',
  icb: 'ICB (NHS integrated care board)',
  'trust-foundation': 'Trust or foundation',
  other: 'Other',
};

const typedFrom = (p: ReportingPolicy): Typed => ({
  threshold: (p.thresholdPence / 100).toFixed(2),
  'small.frequency': p.small.frequency,
  'small.template': p.small.template,
  'large.frequency': p.large.frequency,
  'large.template': p.large.template,
  dueDaysAfterPeriodEnd: String(p.dueDaysAfterPeriodEnd),
  reminderOffsetsDays: p.reminderOffsetsDays.join(', '),
  veryLateAfterDays: String(p.veryLateAfterDays),
});

function ConsortiumView({ view, csrf, errors, typed, banner }: { view: View } & RecordState) {
  const c = view.consortium;
  return (
    <>
      <PageHead banner={banner} errors={errors} caption={c.place} heading={c.name} />
      <SummaryList
        rows={[
          ['Status', <Tag>{humanise(c.status)}</Tag>],
          ['Quorum for votes', `${c.quorumPercent ?? 50}% of money paid in`],
        ]}
      />
      {c.status === 'inviting' && view.canManage && (
        <ActionForm action="confirm" id="confirm" to={`/app/consortia/${c.id}`} csrf={csrf}>
          <p class="govuk-body">Your organisation leads this consortium: it starts once you confirm it.</p>
          <Button>Confirm the consortium</Button>
        </ActionForm>
      )}
      <ProposalState view={view} />
      <Table
        caption="Members"
        columns={['Organisation', 'Role', 'Funder type']}
        rows={view.members.map((m) => [m.name, humanise(m.role), m.kind ? (funderTypeNames[m.kind] ?? humanise(m.kind)) : ''])}
      />
      <h2 class="govuk-heading-m" id="pools">
        Pools and rounds
      </h2>
      {view.pools.length === 0 && <p class="govuk-body">No pools yet.</p>}
      <ul class="govuk-list govuk-list--bullet">
        {view.pools.map((p) => (
          <li>
            <Link href={`/app/pools/${p.id}`}>{p.name}</Link>
            {p.rounds.length > 0 && (
              <>
                {' '}
                (rounds:{' '}
                {p.rounds.map((r, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <Link href={`/app/rounds/${r.id}`}>{r.name}</Link> {humanise(r.status).toLowerCase()}
                  </>
                ))}
                )
              </>
            )}
          </li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">Reports</h2>
      <Table
        columns={['Status', ...figures('Reports')]}
        rows={view.reportCounts
          .filter((r) => r.count > 0)
          .map((r) => [<Link href={`/app/consortia/${c.id}/reports?status=${r.status}`}>{humanise(r.status)}</Link>, String(r.count)])}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/consortia/${c.id}/reports`}>
          All reports
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/evidence`}>
          Evidence
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/funding-quality`}>
          Funding quality
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/tenders`}>
          Joint tenders
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/publishing`}>
          Publishing
        </a>
      </p>
      <PolicyForm view={view} csrf={csrf} errors={errors} typed={typed} />
    </>
  );
}

function PolicyForm({ view, csrf, errors, typed }: { view: View; csrf: string; errors: FieldError[]; typed: Typed }) {
  const freq = frequencies.filter((f) => f !== 'milestone').map((f) => ({ value: f, label: humanise(f) }));
  const templates = [
    { value: 'light', label: 'Light form' },
    { value: 'full', label: 'Full form' },
  ];
  const field = inputsFor(typed, errors);
  if (!view.canManage) {
    const p = view.policy;
    return (
      <>
        <h2 class="govuk-heading-m">Reporting policy</h2>
        <p class="govuk-body">
          Grants under {pounds(p.thresholdPence)} report {p.small.frequency} on the {p.small.template} form; larger ones {p.large.frequency}{' '}
          on the {p.large.template} form. Reports are due {p.dueDaysAfterPeriodEnd} days after each period.
        </p>
      </>
    );
  }
  return (
    <ActionForm action="policy" id="policy" to={`/app/consortia/${view.consortium.id}`} csrf={csrf}>
      <h2 class="govuk-heading-m">Reporting policy</h2>
      <field.Text
        name="threshold"
        label="Small-grant threshold"
        hint="In pounds: grants under this amount are small grants"
        width="10"
        inputmode="decimal"
      />
      <Select name="small.frequency" label="Small grants report" options={freq} value={typed['small.frequency']} />
      <Select name="small.template" label="Small grants use" options={templates} value={typed['small.template']} />
      <Select name="large.frequency" label="Larger grants report" options={freq} value={typed['large.frequency']} />
      <Select name="large.template" label="Larger grants use" options={templates} value={typed['large.template']} />
      <field.Whole
        name="dueDaysAfterPeriodEnd"
        label="Days until a report is due"
        hint="Counted from the end of each reporting period"
        width="3"
      />
      <field.Text
        name="reminderOffsetsDays"
        label="Reminder days"
        hint="Days from the due date, separated by commas; negative is before, for example -14, -3, 0, 7"
        width="10"
      />
      <field.Whole name="veryLateAfterDays" label="Days until a report is very late" hint="Counted from the day it was due" width="3" />
      <Button>Save reporting policy</Button>
    </ActionForm>
  );
}
