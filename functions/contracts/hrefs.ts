/** Where a council's contract pages are: the list, the policy, and a contract's sub-pages (`''` its overview). */
export const contractsHref = (orgId: string) => `/app/councils/${encodeURIComponent(orgId)}/contracts`;
export const policyHref = (orgId: string) => `/app/councils/${encodeURIComponent(orgId)}/contract-policy`;
export const contractHref = (contractId: string, part = '') => `/app/contracts/${encodeURIComponent(contractId)}${part ? `/${part}` : ''}`;
