// Addresses of the person screens. They carry ids only, never a name or a search: browsers keep
// addresses in their history database, in clear.
export const personPaths = {
  list: '/personnes',
  new: '/personnes/nouvelle',
  person: (id: string) => `/personnes/${id}`,
  edit: (id: string) => `/personnes/${id}/modifier`,
  trash: '/corbeille',
} as const;
