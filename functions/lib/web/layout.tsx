import type { Child } from 'hono/jsx';
import { Csrf } from './govuk';

export interface Chrome {
  /** The signed-in user; absent on the sign-in page and error pages shown before sign-in. */
  user?: { name: string; email: string };
  csrf?: string;
  /** Which top-level section is current, for the service navigation. */
  section?: 'home' | 'consortia';
}

/**
 * The page template: GOV.UK Frontend's structure with the generic header (grantloop's own
 * name, no crown, no GOV.UK logotype) and no script at all, so everything works with
 * JavaScript off and the Content-Security-Policy can forbid inline script.
 */
export function Layout({ title, chrome, children }: { title: string; chrome: Chrome; children: Child }) {
  return (
    <html lang="en-GB" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <title>{`${title} – grantloop`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#005a5b" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/grantloop.css" />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <header class="govuk-generic-header">
          <div class="govuk-generic-header__container govuk-width-container">
            <div class="govuk-generic-header__logo">
              <a href="/app" class="govuk-generic-header__homepage-link">
                grantloop
              </a>
            </div>
          </div>
        </header>
        {chrome.user && <Navigation chrome={chrome} />}
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                grantloop: pooled funding, grants and reporting for consortia of funders.
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

function Navigation({ chrome }: { chrome: Chrome }) {
  const item = (href: string, label: string, current: boolean) => (
    <li class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
      <a class="govuk-service-navigation__link" href={href} aria-current={current ? 'page' : undefined}>
        {current ? <strong class="govuk-service-navigation__active-fallback">{label}</strong> : label}
      </a>
    </li>
  );
  return (
    <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list" id="navigation">
              {item('/app', 'What needs me', chrome.section === 'home')}
              <li class="govuk-service-navigation__item grantloop-navigation__user">
                <span class="govuk-service-navigation__text">{chrome.user?.name}</span>
              </li>
              <li class="govuk-service-navigation__item">
                <form method="post" action="/sign-out" class="grantloop-inline-form">
                  {chrome.csrf && <Csrf token={chrome.csrf} />}
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
