import type { Caller } from '../../shared/consortia/caller';
import { publishingTable } from '../../shared/publishing/aws';
import { grantPublishingView, setGrantPublishing } from '../../shared/publishing/publishing';
import { type InfrastructureFunction, MAX_GRANT_AREAS } from '../../shared/publishing/settings';
import { infrastructureFunctions } from '../../shared/reporting/templates';
import { chosenForm, type FormFields, type PostedForm } from '../lib/web/form';
import { ActionForm, formPage } from '../lib/web/form-page';
import { Button, Checkboxes, type FieldError, Lines, SummaryList } from '../lib/web/govuk';
import { ListError } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { GroupedSelect } from '../lib/web/select';
import { saveForm } from './form';
import { placeGroups, placeName } from './places';
import { grantPublishingInput } from './schemas';

/**
 * A grant's publishing details (issue 28): where it benefits (its 360Giving beneficiary
 * locations) and which functions of local infrastructure it pays for (its classifications). Every
 * member reads them; officers of the consortium's funders change them, through the same schema and
 * use case as PUT /grants/{grantId}/publishing. Areas are chosen from the shipped list, one select
 * each, with one more empty select than are chosen (at least 3): adding another needs no JavaScript.
 */
type View = Awaited<ReturnType<typeof grantPublishingView>>;

/** The five functions of local infrastructure (shared/reporting/templates.ts), as the page asks about them. */
const functionWords: Record<InfrastructureFunction, { label: string; hint: string }> = {
  'facilitating-funding': { label: 'Facilitating funding', hint: 'Helping groups find and win funding, and funders reach them.' },
  'organisational-development': { label: 'Organisational development', hint: 'Training, advice and support that make groups stronger.' },
  advocacy: { label: 'Advocacy', hint: 'Speaking up for local groups and the people they serve.' },
  'volunteering-and-participation': { label: 'Volunteering and participation', hint: 'Bringing people in as volunteers and members.' },
  convening: { label: 'Convening', hint: 'Bringing organisations together to share and plan.' },
};

const areaName = (i: number) => `areaCodes.${i}`;

export const grantFields: FormFields = {
  areaCodes: { label: 'Areas', as: 'list' },
  ...Object.fromEntries(
    Array.from({ length: MAX_GRANT_AREAS }, (_, i) => [areaName(i), { label: `Area ${i + 1}`, as: 'choice', optional: true }]),
  ),
  functions: { label: 'Functions of local infrastructure', as: 'checkboxes' },
};

/** The areas chosen, in order, without the selects left empty. */
const chosenAreas = (v: unknown) => (Array.isArray(v) ? v.filter((x) => x !== undefined) : []);

export const grantForm = {
  schema: grantPublishingInput,
  fields: grantFields,
  formId: 'details',
  adapt: (input: Record<string, unknown>) => ({ ...input, areaCodes: chosenAreas(input.areaCodes) }),
};

const typedFrom = (view: View): PostedForm => ({
  ...Object.fromEntries(view.publishing.areaCodes.map((code, i) => [areaName(i), code])),
  functions: view.publishing.functions,
});

const asList = (v: string | string[] | undefined) => [v ?? []].flat();

function DetailsForm({ csrf, typed, errors }: { csrf: string; typed: PostedForm; errors: FieldError[] }) {
  const chosen = Array.from({ length: MAX_GRANT_AREAS }, (_, i) => asList(typed[areaName(i)])[0] ?? '').filter(Boolean).length;
  const shown = Math.min(MAX_GRANT_AREAS, Math.max(3, chosen + 1));
  const groups = placeGroups();
  return (
    <ActionForm action="details" id="details" csrf={csrf}>
      <h2 class="govuk-heading-m">Where the grant benefits</h2>
      <p class="govuk-body">
        Choose up to {MAX_GRANT_AREAS} places from the official list. Save with a place in each box, and another box appears, until there
        are {MAX_GRANT_AREAS}. Leave a box empty to take a place off.
      </p>
      <ListError id="areaCodes" errors={errors} />
      {Array.from({ length: shown }, (_, i) => (
        <GroupedSelect
          name={areaName(i)}
          label={`Area ${i + 1}`}
          blank="No place"
          groups={groups}
          value={asList(typed[areaName(i)])[0]}
          errors={errors}
        />
      ))}
      <Checkboxes
        name="functions"
        legend="Functions of local infrastructure"
        hint="Select all the grant pays for. They are published as its classifications."
        options={infrastructureFunctions.map((f) => ({ value: f, ...functionWords[f] }))}
        value={asList(typed.functions)}
        errors={errors}
      />
      <Button>Save publishing details</Button>
    </ActionForm>
  );
}

function DetailsSummary({ view }: { view: View }) {
  const p = view.publishing;
  return (
    <SummaryList
      rows={[
        ['Areas', <Lines items={p.areaCodes.map(placeName)} none="None chosen" />],
        ['Functions of local infrastructure', <Lines items={p.functions.map((f) => functionWords[f].label)} none="None chosen" />],
      ]}
    />
  );
}

function detailsView(view: View, csrf: string, posted: PostedForm, errors: FieldError[], banner?: string): PageResult {
  const grantPath = `/app/grants/${encodeURIComponent(view.grant.id)}`;
  return {
    section: 'grants',
    consortium: view.consortium,
    crumbs: consortiumCrumbs(view.consortium, 'grants', { href: grantPath, label: view.grant.title }),
    ...formPage({
      heading: 'Publishing details',
      caption: `${view.grant.title}, ${view.grant.recipientName}`,
      errors,
      banner: banner ?? false,
      children: view.canManage ? <DetailsForm csrf={csrf} typed={posted} errors={errors} /> : <DetailsSummary view={view} />,
    }),
  };
}

export async function grantPublishingPage(req: PageRequest<Caller>): Promise<PageResult> {
  const grantId = req.params.grantId ?? '';
  const view = await grantPublishingView(publishingTable, req.caller, grantId);
  const banner = req.query.done === 'saved' ? 'Publishing details saved' : undefined;
  if (req.method !== 'POST') return detailsView(view, req.csrf, typedFrom(view), [], banner);
  const form = chosenForm(req.posted, { details: grantForm });
  const errors = await saveForm(req.posted, form, (input) => setGrantPublishing(publishingTable, req.caller, grantId, input));
  if (errors.length) return detailsView(view, req.csrf, req.posted, errors);
  return { redirect: `/app/grants/${encodeURIComponent(grantId)}/publishing?done=saved` };
}
