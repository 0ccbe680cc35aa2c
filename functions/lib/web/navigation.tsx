import { Csrf } from './govuk';

/**
 * Finding your way: the service navigation across a consortium's areas, and breadcrumbs. A page
 * says which area it is in and which consortium it belongs to; the layout draws the rest, so
 * every page gets the same links. Pages outside a consortium (what needs me, a council's
 * contracts, a page that does not exist) show only what belongs to the signed-in person.
 */

export type Section =
  | 'home'
  | 'overview'
  | 'pools'
  | 'rounds'
  | 'grants'
  | 'reports'
  | 'tenders'
  | 'contracts'
  | 'evidence'
  | 'funding-quality'
  /** Organisations and their staff (reached from what needs me). */
  | 'organisations';

export interface ConsortiumRef {
  id: string;
  name: string;
}

export interface Crumb {
  href: string;
  label: string;
}

/** A consortium's areas, in the order the navigation shows them; each a page that lists what the area holds. */
const consortiumAreas: { section: Section; label: string; path: (consortiumId: string) => string }[] = [
  { section: 'overview', label: 'Overview', path: (id) => `/app/consortia/${id}` },
  { section: 'pools', label: 'Pools', path: (id) => `/app/consortia/${id}/pools` },
  { section: 'rounds', label: 'Rounds', path: (id) => `/app/consortia/${id}/rounds` },
  { section: 'grants', label: 'Grants', path: (id) => `/app/consortia/${id}/grants` },
  { section: 'reports', label: 'Reports', path: (id) => `/app/consortia/${id}/reports` },
  { section: 'tenders', label: 'Tenders', path: (id) => `/app/consortia/${id}/tenders` },
  { section: 'evidence', label: 'Evidence', path: (id) => `/app/consortia/${id}/evidence` },
  { section: 'funding-quality', label: 'Funding quality', path: (id) => `/app/consortia/${id}/funding-quality` },
];

const areaOf = (section: Section) => consortiumAreas.find((a) => a.section === section);

/** The trail to a page inside a consortium: what needs me, the consortium, then the area's list (when the page is below it). */
export function consortiumCrumbs(consortium: ConsortiumRef, area?: Section, ...more: Crumb[]): Crumb[] {
  const list = area && area !== 'overview' ? areaOf(area) : undefined;
  return [
    { href: '/app', label: 'What needs me' },
    { href: `/app/consortia/${consortium.id}`, label: consortium.name },
    ...(list ? [{ href: list.path(consortium.id), label: list.label }] : []),
    ...more,
  ];
}

interface NavigationProps {
  user: { name: string };
  csrf?: string | undefined;
  section?: Section | undefined;
  /** The path being shown: its own link is marked as the current page, an area above it as active. */
  path?: string | undefined;
  consortium?: ConsortiumRef | undefined;
  /** Councils the signed-in person works for: "Contracts" opens the first one's list. */
  councils?: ConsortiumRef[] | undefined;
}

/** GOV.UK service navigation (the component's markup, without its script: the list simply shows). */
export function ServiceNavigation(p: NavigationProps) {
  const items: { href: string; label: string; section: Section }[] = [{ href: '/app', label: 'What needs me', section: 'home' }];
  if (p.consortium) {
    const id = p.consortium.id;
    items.push(...consortiumAreas.map((a) => ({ href: a.path(id), label: a.label, section: a.section })));
  }
  const council = p.councils?.[0];
  if (council) items.push({ href: `/app/councils/${council.id}/contracts`, label: 'Contracts', section: 'contracts' });
  return (
    <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list" id="navigation">
              {items.map((i) => (
                <Item {...i} current={p.path === i.href} active={p.section === i.section} />
              ))}
              <li class="govuk-service-navigation__item grantloop-navigation__user">
                <span class="govuk-service-navigation__text">{p.user.name}</span>
              </li>
              <li class="govuk-service-navigation__item">
                <form method="post" action="/sign-out" class="grantloop-inline-form">
                  {p.csrf && <Csrf token={p.csrf} />}
                  <button type="submit" class="govuk-service-navigation__link grantloop-link-button">
                    Sign out
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

/** One item: `aria-current="page"` on the page itself, `"true"` on the area a page sits in (as the component does). */
function Item(p: { href: string; label: string; current: boolean; active: boolean }) {
  const on = p.current || p.active;
  return (
    <li class={`govuk-service-navigation__item${on ? ' govuk-service-navigation__item--active' : ''}`}>
      <a class="govuk-service-navigation__link" href={p.href} aria-current={p.current ? 'page' : p.active ? 'true' : undefined}>
        {on ? <strong class="govuk-service-navigation__active-fallback">{p.label}</strong> : p.label}
      </a>
    </li>
  );
}
