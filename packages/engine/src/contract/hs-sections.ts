/**
 * Sections of the Harmonized System (HS 2022 nomenclature): the first and last
 * chapter of each of the 21 sections. Case-mix strata use the section of a
 * declaration's main item.
 */
export const hsSections: readonly {
  readonly section: string;
  readonly firstChapter: number;
  readonly lastChapter: number;
  readonly title: string;
}[] = [
  { section: 'I', firstChapter: 1, lastChapter: 5, title: 'Live animals; animal products' },
  { section: 'II', firstChapter: 6, lastChapter: 14, title: 'Vegetable products' },
  { section: 'III', firstChapter: 15, lastChapter: 15, title: 'Animal or vegetable fats and oils' },
  {
    section: 'IV',
    firstChapter: 16,
    lastChapter: 24,
    title: 'Prepared foodstuffs; beverages; tobacco',
  },
  { section: 'V', firstChapter: 25, lastChapter: 27, title: 'Mineral products' },
  {
    section: 'VI',
    firstChapter: 28,
    lastChapter: 38,
    title: 'Products of the chemical industries',
  },
  { section: 'VII', firstChapter: 39, lastChapter: 40, title: 'Plastics and rubber' },
  { section: 'VIII', firstChapter: 41, lastChapter: 43, title: 'Hides, skins, leather' },
  { section: 'IX', firstChapter: 44, lastChapter: 46, title: 'Wood and articles of wood' },
  { section: 'X', firstChapter: 47, lastChapter: 49, title: 'Pulp, paper and paperboard' },
  { section: 'XI', firstChapter: 50, lastChapter: 63, title: 'Textiles and textile articles' },
  { section: 'XII', firstChapter: 64, lastChapter: 67, title: 'Footwear, headgear' },
  { section: 'XIII', firstChapter: 68, lastChapter: 70, title: 'Stone, ceramic, glass' },
  {
    section: 'XIV',
    firstChapter: 71,
    lastChapter: 71,
    title: 'Pearls, precious stones and metals',
  },
  { section: 'XV', firstChapter: 72, lastChapter: 83, title: 'Base metals' },
  {
    section: 'XVI',
    firstChapter: 84,
    lastChapter: 85,
    title: 'Machinery and electrical equipment',
  },
  { section: 'XVII', firstChapter: 86, lastChapter: 89, title: 'Vehicles, aircraft, vessels' },
  {
    section: 'XVIII',
    firstChapter: 90,
    lastChapter: 92,
    title: 'Optical, medical instruments; clocks',
  },
  { section: 'XIX', firstChapter: 93, lastChapter: 93, title: 'Arms and ammunition' },
  {
    section: 'XX',
    firstChapter: 94,
    lastChapter: 96,
    title: 'Miscellaneous manufactured articles',
  },
  { section: 'XXI', firstChapter: 97, lastChapter: 97, title: 'Works of art, antiques' },
];

/** The HS section of a chapter number (1–97), or undefined. */
export function hsSectionOfChapter(chapter: number): string | undefined {
  return hsSections.find((s) => chapter >= s.firstChapter && chapter <= s.lastChapter)?.section;
}
