/**
 * A record's sub-pages as GOV.UK's secondary navigation: a list of links under the heading, the
 * page being shown marked `aria-current="page"` (and bold, so not by colour alone). GOV.UK
 * Frontend has no such component; this follows the service navigation's markup and the
 * sub-navigation pattern of GOV.UK's publishing components.
 */
export function SubNavigation({ label, items, current }: { label: string; items: { href: string; label: string }[]; current: string }) {
  return (
    <nav class="grantloop-sub-navigation" aria-label={label}>
      <ul class="grantloop-sub-navigation__list">
        {items.map((i) => (
          <li class={`grantloop-sub-navigation__item${i.href === current ? ' grantloop-sub-navigation__item--current' : ''}`}>
            <a
              class="govuk-link govuk-link--no-visited-state grantloop-sub-navigation__link"
              href={i.href}
              aria-current={i.href === current ? 'page' : undefined}
            >
              {i.href === current ? <strong>{i.label}</strong> : i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
