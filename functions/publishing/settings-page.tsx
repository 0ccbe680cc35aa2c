import type { Caller } from '../../shared/consortia/caller';
import { publishingTable } from '../../shared/publishing/aws';
import { publishingView, setPublishingSettings } from '../../shared/publishing/publishing';
import { type SelfCheck, selfCheck } from '../../shared/publishing/self-check';
import { licenceDetails, licences, type PublishingSettings, type ShowPart, showParts } from '../../shared/publishing/settings';
import { chosenForm, type FormFields, lengthHint, type PostedForm } from '../lib/web/form';
import { ActionForm, formPage } from '../lib/web/form-page';
import { Button, ChoiceItem, type FieldError, SummaryList } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { GroupedSelect } from '../lib/web/select';
import { saveForm, ticked } from './form';
import { placeGroups, placeName } from './places';
import { publishingSettingsInput } from './schemas';
import { SelfCheckSection } from './self-check-section';

/**
 * A consortium's publishing settings (issue 28): every member reads them; the lead's officers
 * change them, through the same schema and use case as PUT /consortia/{consortiumId}/publishing.
 */
type View = Awaited<ReturnType<typeof publishingView>>;

const showWords: Record<ShowPart, { label: string; hint: string }> = {
  grants: {
    label: 'Grants',
    hint: 'Every grant from the consortium’s pools (those awarded through a tender too), as 360Giving data and on the public page.',
  },
  tenders: {
    label: 'Joint tenders',
    hint: 'Tenders and their contracts as OCDS data, with the standard’s own bid counts and awards: never a bid, or how many, before the deadline; never an unsuccessful bidder’s name.',
  },
  successRates: { label: 'Success rates', hint: 'On the public page: proposals and bids received and funded, per round and tender.' },
  decisions: {
    label: 'Decisions with reasons',
    hint: 'On the public page: what was funded or awarded, and why. Unsuccessful applicants are never named.',
  },
};

export const settingsFields: FormFields = {
  licence: { label: 'Licence', as: 'choice', missing: 'Select the licence the data is published under' },
  placeCode: { label: 'The consortium’s place', as: 'choice', optional: true },
  ...Object.fromEntries(showParts.map((p) => [`show.${p}`, { label: showWords[p].label, as: 'flag', name: `show-${p}` }])),
  purpose: { label: 'What the consortium funds', optional: true },
  published: { label: 'Publish', as: 'choice', missing: 'Select whether to publish the consortium’s data' },
};

/** Radios post "yes" or "no": the schema takes a boolean, and anything else stays what it is, to be refused. */
const yesNo = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : v);

export const settingsForm = {
  schema: publishingSettingsInput,
  fields: settingsFields,
  formId: 'settings',
  adapt: (input: Record<string, unknown>) => ({ ...input, published: yesNo(input.published) }),
};

const typedFrom = (s: PublishingSettings): PostedForm => ({
  licence: s.licence,
  placeCode: s.placeCode ?? '',
  purpose: s.purpose ?? '',
  published: s.published ? 'yes' : 'no',
  ...Object.fromEntries(showParts.filter((p) => s.show[p]).map((p) => [`show-${p}`, 'yes'])),
});

const banners: Record<string, string> = {
  saved: 'Publishing settings saved',
};

function ShowChoices({ typed }: { typed: PostedForm }) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="show-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">What is public once published</legend>
        <div id="show-hint" class="govuk-hint">
          Select all that apply. The feeds’ links and the consortium’s purpose are always shown; an individual’s report never is.
        </div>
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">
          {showParts.map((p) => (
            <ChoiceItem
              kind="checkbox"
              name={`show-${p}`}
              id={`show-${p}`}
              option={{ value: 'yes', ...showWords[p] }}
              checked={ticked(typed, `show-${p}`)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function SettingsForm({ view, csrf, typed, errors }: { view: View; csrf: string; typed: PostedForm; errors: FieldError[] }) {
  const field = inputsFor(typed, errors);
  const licenceOptions = licences.map((l) => ({ value: l, label: licenceDetails[l].name, hint: licenceDetails[l].url }));
  return (
    <ActionForm action="settings" id="settings" csrf={csrf}>
      <field.Choice
        name="licence"
        legend="Licence"
        hint="Anyone may reuse the data under it. Most 360Giving publishers use CC BY 4.0."
        options={licenceOptions}
      />
      <GroupedSelect
        name="placeCode"
        label="The consortium’s place"
        labelClass="govuk-label--m"
        hint="Where the consortium’s grants benefit, from the official list of English councils and NHS integrated care boards. Each grant can name its own areas too."
        blank="Choose a place"
        groups={placeGroups()}
        value={String(typed.placeCode ?? '')}
        errors={errors}
      />
      <ShowChoices typed={typed} />
      <field.Area
        name="purpose"
        label="What the consortium funds"
        hint={`In your own words, for the public page. ${lengthHint(publishingSettingsInput.shape.purpose)}`}
      />
      <field.Choice
        name="published"
        legend="Publish the consortium’s data?"
        options={[
          {
            value: 'yes',
            label: 'Publish',
            hint: `Anyone can see what you chose above at /open/${view.consortium.id}, without signing in.`,
          },
          { value: 'no', label: view.settings.published ? 'Stop publishing' : 'Do not publish yet', hint: 'Nothing is public.' },
        ]}
      />
      <Button>Save publishing settings</Button>
    </ActionForm>
  );
}

/** Where the public sees it, once published: the page links to its own data files. */
function PublicLink({ consortiumId }: { consortiumId: string }) {
  const href = `/open/${encodeURIComponent(consortiumId)}`;
  return (
    <div class="govuk-inset-text">
      Published. The public page, with its data files, is at{' '}
      <a class="govuk-link" href={href}>
        {href}
      </a>
      ; it updates after every change.
    </div>
  );
}

function SettingsSummary({ settings: s }: { settings: PublishingSettings }) {
  return (
    <SummaryList
      rows={[
        ['Published', s.published ? 'Yes' : 'No'],
        ['Licence', licenceDetails[s.licence].name],
        ['Place', s.placeCode ? placeName(s.placeCode) : 'Not chosen'],
        [
          'Public once published',
          showParts
            .filter((p) => s.show[p])
            .map((p) => showWords[p].label)
            .join(', ') || 'Nothing',
        ],
        ['What the consortium funds', s.purpose ?? 'Not written yet'],
      ]}
    />
  );
}

function settingsView(view: View, check: SelfCheck, csrf: string, posted: PostedForm, errors: FieldError[], banner?: string): PageResult {
  const c = view.consortium;
  return {
    section: 'overview',
    consortium: { id: c.id, name: c.name },
    crumbs: consortiumCrumbs(c),
    ...formPage({
      heading: 'Publishing',
      caption: c.name,
      errors,
      banner: banner ?? false,
      children: (
        <>
          {view.settings.published && <PublicLink consortiumId={c.id} />}
          {view.canManage ? (
            <SettingsForm view={view} csrf={csrf} typed={posted} errors={errors} />
          ) : (
            <>
              <p class="govuk-body">The lead chooses what the consortium publishes.</p>
              <SettingsSummary settings={view.settings} />
            </>
          )}
          <SelfCheckSection check={check} />
        </>
      ),
    }),
  };
}

export async function publishingSettingsPage(req: PageRequest<Caller>): Promise<PageResult> {
  const consortiumId = req.params.consortiumId ?? '';
  const view = await publishingView(publishingTable, req.caller, consortiumId);
  // Checked as the grants would publish: the stored choice of what is shown, or grants if the lead has not chosen yet.
  const check = await selfCheck(publishingTable, view.settings);
  if (req.method !== 'POST') return settingsView(view, check, req.csrf, typedFrom(view.settings), [], banners[req.query.done ?? '']);
  const form = chosenForm(req.posted, { settings: settingsForm });
  const errors = await saveForm(req.posted, form, (input) => setPublishingSettings(publishingTable, req.caller, consortiumId, input));
  if (errors.length) return settingsView(view, check, req.csrf, req.posted, errors);
  return { redirect: `/app/consortia/${encodeURIComponent(consortiumId)}/publishing?done=saved` };
}
