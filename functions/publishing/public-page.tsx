import { dayInWords, listInWords, plural, pounds, timeInWords } from '../../shared/platform/format';
import type { PublicView, ViewGrant, ViewTender } from '../../shared/publishing/public-view';
import { SummaryList } from '../lib/web/govuk';
import { render } from '../lib/web/page-route';
import { figures, Table, TableOrNone } from '../lib/web/table';
import { Decisions, Part, Section, SuccessRates, stageWords, Timetable } from './public-sections';

/**
 * A consortium's public page (`GET /open/{consortiumId}`): its stored view model rendered with
 * GOV.UK Frontend's markup under grantloop's own header (no crown, no GOV.UK logotype), with no
 * sign-in, no service navigation and no script. Figures and dates are written for people
 * (shared/platform/format.ts); the view itself holds them raw.
 */

export const publicPageTitle = (view: PublicView) => `${view.name}: open data`;

/** The whole page, as every grantloop page is answered (doctype, layout, security headers); `headers` adds the caching ones. */
export const renderPublicPage = (view: PublicView, headers: Record<string, string> = {}) =>
  // Its visitors have no account: the header's name leads back to this page, not to sign in.
  render(publicPageTitle(view), { home: `/open/${view.consortiumId}` }, <PublicPage view={view} />, 200, headers);

const licenceLink = (view: PublicView) => (
  <a class="govuk-link" href={view.licence.url} rel="license">
    {view.licence.name}
  </a>
);

function About({ view }: { view: PublicView }) {
  const others = view.members.filter((m) => m !== view.lead);
  return (
    <SummaryList
      rows={[
        ['Area', view.place.code ? `${view.place.name} (ONS code ${view.place.code})` : view.place.name],
        ['Lead funder', view.lead],
        ['Other members', others.length ? listInWords(others) : 'None'],
        ['Last updated', timeInWords(view.builtAt)],
        ['Licence', licenceLink(view)],
      ]}
    />
  );
}

const routeWords = (g: ViewGrant) =>
  g.route.kind === 'round' ? g.route.name : g.route.kind === 'tender' ? (g.route.title ?? 'A tender') : 'Direct award';

function Grants({ view }: { view: PublicView }) {
  if (!view.pools || !view.grants) return null;
  return (
    <>
      <h3 class="govuk-heading-m">Pools</h3>
      {view.pools.map((p) => (
        <>
          <h4 class="govuk-heading-s">{p.name}</h4>
          <p class="govuk-body">{p.purpose}</p>
          <SummaryList
            rows={[
              ['Status', p.open ? 'Open' : 'Closed'],
              ['Lots', p.lots.length ? listInWords(p.lots) : 'None'],
              ['Grants made', `${plural(p.grants, 'grant')} worth ${pounds(p.granted)}`],
            ]}
          />
        </>
      ))}
      <TableOrNone
        caption="Grants awarded"
        none="No grant has been awarded yet."
        columns={['Grant', 'Recipient', 'Pool', 'How it was awarded', 'Awarded on', ...figures('Amount')]}
        rows={view.grants.map((g) => [g.title, g.recipient, g.pool, routeWords(g), dayInWords(g.awardedAt), pounds(g.amount)])}
      />
    </>
  );
}

function TenderView({ t }: { t: ViewTender }) {
  return (
    <>
      <h4 class="govuk-heading-s">{t.title}</h4>
      <p class="govuk-body">{t.description}</p>
      <SummaryList
        rows={[
          ['Status', stageWords[t.stage]],
          ['Budget', pounds(t.budget)],
          ['Contract length', plural(t.contractMonths, 'month')],
          ['Bids by', timeInWords(t.dates.submissionDeadline)],
        ]}
      />
      <Table
        caption={`Lots of ${t.title}`}
        captionSize="s"
        columns={['Lot', 'Scope', ...figures('Value')]}
        rows={t.lots.map((l) => [l.title, l.scope, pounds(l.value)])}
      />
      <Table
        caption={`Award criteria of ${t.title}`}
        captionSize="s"
        columns={['Criterion', 'Kind', ...figures('Weight')]}
        rows={t.criteria.map((c) => [c.title, c.kind === 'price' ? 'Price' : 'Quality', `${c.weight}%`])}
      />
    </>
  );
}

function WhatItFunds({ view }: { view: PublicView }) {
  if (!view.pools && !view.tenders) return null;
  return (
    <Section id="what-it-funds" title="What it funds">
      <Grants view={view} />
      {view.tenders && (
        <Part heading="Tenders" none="No tender has been published yet." items={view.tenders.map((t) => <TenderView t={t} />)} />
      )}
    </Section>
  );
}

function Feeds({ view }: { view: PublicView }) {
  return (
    <Section id="open-data" title="Open data">
      <p class="govuk-body">The same information as data, updated after every change and published under the {licenceLink(view)}.</p>
      {view.feedsAwaitingData && (
        <p class="govuk-body">
          More files follow as there is data for them: the 360Giving file after the first pledge or grant, the OCDS feed after the first
          published tender.
        </p>
      )}
      <TableOrNone
        caption="Data files"
        none="No data is published."
        columns={['Data', 'Standard', 'Format', 'Licence']}
        rows={view.feeds.map((f) => [
          <a class="govuk-link" href={f.href}>
            {`${f.title} (${f.format})`}
          </a>,
          f.standard,
          f.format,
          f.licence.name,
        ])}
      />
    </Section>
  );
}

export function PublicPage({ view }: { view: PublicView }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-xl">Open data</span>
        <h1 class="govuk-heading-xl">{view.name}</h1>
        {view.purpose && <p class="govuk-body-l">{view.purpose}</p>}
        <About view={view} />
        <WhatItFunds view={view} />
        <Timetable view={view} />
        {view.successRates && <SuccessRates view={view} rates={view.successRates} />}
        {view.decisions && <Decisions view={view} decisions={view.decisions} />}
        <Feeds view={view} />
      </div>
    </div>
  );
}
