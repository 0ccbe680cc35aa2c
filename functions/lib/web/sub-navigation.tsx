/**
 * Sub-navigation between the pages of one record (a tender's overview, clarifications, bids and
 * award). GOV.UK Frontend 6 has no sub-navigation component, and its service navigation is the
 * layout's; this is the MOJ Design System's sub navigation pattern, as GOV.UK services use it: a
 * list of links in a `nav` with its own label, the page itself `aria-current="page"`
 * (styles in grantloop.scss). Plain links: it works without JavaScript.
 */
export function SubNavigation(p: { label: string; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav class="grantloop-sub-navigation" aria-label={p.label}>
      <ul class="grantloop-sub-navigation__list">
        {p.items.map((i) => (
          <li class="grantloop-sub-navigation__item">
            <a class="grantloop-sub-navigation__link" href={i.href} aria-current={i.current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
