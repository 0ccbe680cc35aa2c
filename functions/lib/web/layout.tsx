import type { Child } from 'hono/jsx';
import { Breadcrumbs } from './govuk';
import { type ConsortiumRef, type Crumb, type Section, ServiceNavigation } from './navigation';

export interface Chrome {
  /** Where the header's name leads: what needs me, unless the page is for the public (a consortium's open page leads to itself). */
  home?: string;
  /** The signed-in user; absent on the sign-in page and error pages shown before sign-in. */
  user?: { name: string; email: string };
  csrf?: string;
  /** Which area the page is in, for the service navigation. */
  section?: Section;
  /** The path shown, so its own navigation link is marked as the current page. */
  path?: string;
  /** The consortium the page belongs to: the navigation then offers its areas. */
  consortium?: ConsortiumRef;
  /** Councils the signed-in person works for (the navigation's "Contracts"). */
  councils?: ConsortiumRef[];
  /** From what needs me to the page's parent; none on what needs me itself and on error pages. */
  crumbs?: Crumb[];
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
              <a href={chrome.home ?? '/app'} class="govuk-generic-header__homepage-link">
                grantloop
              </a>
            </div>
          </div>
        </header>
        {chrome.user && (
          <ServiceNavigation
            user={chrome.user}
            csrf={chrome.csrf}
            section={chrome.section}
            path={chrome.path}
            consortium={chrome.consortium}
            councils={chrome.councils}
          />
        )}
        <div class="govuk-width-container">
          {chrome.crumbs && chrome.crumbs.length > 0 && <Breadcrumbs items={chrome.crumbs} />}
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
