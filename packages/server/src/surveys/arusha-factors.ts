/**
 * The ten key factors of the Revised Arusha Declaration (WCO, 1993, revised
 * 2003), in the Declaration's order: the taxonomy of the integrity perception
 * surveys (shared/spec/domain.md §2).
 */
export const arushaFactors = [
  {
    id: 'leadership',
    name: { en: 'Leadership and commitment', fr: 'Leadership et engagement' },
  },
  {
    id: 'regulatory_framework',
    name: { en: 'Regulatory framework', fr: 'Cadre réglementaire' },
  },
  { id: 'transparency', name: { en: 'Transparency', fr: 'Transparence' } },
  { id: 'automation', name: { en: 'Automation', fr: 'Automatisation' } },
  {
    id: 'reform_modernisation',
    name: { en: 'Reform and modernisation', fr: 'Réforme et modernisation' },
  },
  {
    id: 'audit_investigation',
    name: { en: 'Audit and investigation', fr: 'Audit et enquêtes' },
  },
  { id: 'code_of_conduct', name: { en: 'Code of conduct', fr: 'Code de conduite' } },
  {
    id: 'human_resources',
    name: { en: 'Human resource management', fr: 'Gestion des ressources humaines' },
  },
  {
    id: 'morale_culture',
    name: { en: 'Morale and organisational culture', fr: 'Moral et culture organisationnelle' },
  },
  {
    id: 'private_sector_relationship',
    name: {
      en: 'Relationship with the private sector',
      fr: 'Relations avec le secteur privé',
    },
  },
] as const;

/** Id of one of the ten factors. */
export type ArushaFactorId = (typeof arushaFactors)[number]['id'];

/** The factor ids, in the Declaration's order. */
export const arushaFactorIds: readonly ArushaFactorId[] = arushaFactors.map((f) => f.id);
