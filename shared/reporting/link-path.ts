/**
 * The route prefix reporting serves provider links under (`GET|POST /r/{token}`, its catalog):
 * its report links, and the grants feature's condition-evidence links, which reporting's registry
 * serves too. Each link kind takes its prefix from here, so they cannot drift from the route.
 */
export const PROVIDER_LINK_PATH = '/r';
