/** Shared by the tests of the `mfer protect` contract's files (spec, contrib, cells). */

/** The SPEC.json of the issue. */
export const issueSpec = {
  dimensions: [
    { name: 'geo', total: 'FR', hierarchies: { region: { '01': 'R84', R84: 'FR' }, ca: { '01': 'CA-LYON', 'CA-LYON': 'FR' } } },
    { name: 'origine', total: 'ENS', hierarchies: { origine: { JAF: 'ENS', JE: 'ENS' } } },
  ],
  contributor: 'structure',
  value: 'enfants',
  rules: { minValue: 5, minFrequency: 3, dominance: { n: 1, k: 85 }, pPercent: 10, protectionPercent: 10 },
};
export const issueSpecText = JSON.stringify(issueSpec);
