import { describe, expect, it } from 'vitest';
import {
  performanceCatalogue,
  pmmDimensions,
  releaseSegments,
  renderIndicatorCatalogueDoc,
} from '../../src/indicators/index.js';

describe('performanceCatalogue', () => {
  it('gives every indicator a unique id, both languages, a unit, a direction and a PMM dimension', () => {
    const ids = performanceCatalogue.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dimensions = new Set(pmmDimensions.map((d) => d.id));
    for (const i of performanceCatalogue) {
      expect(i.name.en.length, i.id).toBeGreaterThan(3);
      expect(i.name.fr.length, i.id).toBeGreaterThan(3);
      expect(i.definition.en, i.id).toMatch(/^[A-Z].*\.$/);
      expect(i.definition.fr, i.id).toMatch(/^[A-Z].*\.$/);
      expect(['hours', 'share', 'currency', 'count', 'months']).toContain(i.unit);
      expect(['higher_is_better', 'lower_is_better', 'neutral']).toContain(i.direction);
      expect(dimensions.has(i.dimension), i.id).toBe(true);
    }
  });

  it('covers each of the four PMM dimensions', () => {
    expect(new Set(performanceCatalogue.map((i) => i.dimension))).toEqual(
      new Set([
        'trade_facilitation',
        'revenue_collection',
        'enforcement',
        'organisational_development',
      ]),
    );
  });
});

describe('renderIndicatorCatalogueDoc', () => {
  const doc = renderIndicatorCatalogueDoc();

  it('lists every indicator under its dimension with its formula', () => {
    for (const dimension of pmmDimensions) {
      expect(doc).toContain(`## ${dimension.name.en}`);
    }
    for (const i of performanceCatalogue) {
      const section = pmmDimensions.find((d) => d.id === i.dimension)?.name.en ?? '';
      const start = doc.indexOf(`## ${section}`);
      const end = doc.indexOf('\n## ', start + 1);
      const line = doc
        .slice(start, end)
        .split('\n')
        .find((l) => l.startsWith(`| \`${i.id}\``));
      expect(line, i.id).toBeDefined();
      expect(line).toContain(`value = \``);
      expect(doc).toContain(i.definition.fr);
    }
  });

  it('states the Time Release Study segments and the extreme-value rule', () => {
    for (const s of releaseSegments)
      expect(doc).toContain(`| \`${s.id}\` | \`${s.from}\` | \`${s.to}\``);
    expect(doc).toContain('above 2160 hours (trsMaxHours)');
    expect(doc).toContain('counted in n_excluded');
    expect(doc).toContain('`lodged_at` and `released_at`');
  });
});
