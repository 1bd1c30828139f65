import type { CsvSink } from './csv-sink.js';
import { csvField } from './csv-sink.js';
import type { DemoAdministration } from './demo-administration.js';
import {
  daySeconds,
  extractCutoff,
  formatTimestamp,
  hourSeconds,
  monthOf,
  nextWorkingTime,
} from './demo-calendar.js';
import type { DemoOfficer } from './demo-staff.js';
import { GoodsDraw, itemMisclassified, itemUndervalued, maxItems } from './goods-draw.js';
import type { MirrorStatistics } from './mirror-statistics.js';
import { officeProfiles } from './office-profiles.js';
import type { OfficeProfile } from './office-profiles.js';
import { SeededRandom, WeightedSampler } from './seeded-random.js';

/** The three CSV files a declaration writes to. */
export interface DeclarationSinks {
  readonly declarations: CsvSink;
  readonly items: CsvSink;
  readonly milestones: CsvSink;
}

const arrivalAgency: Record<string, string> = {
  seaport: 'Port Authority',
  airport: 'Airport Authority',
};

/**
 * Simulates declarations one at a time and writes their rows: the risk
 * engine's channel, the officer's assignment and decisions (honest or
 * corrupt), the control outcome and assessment, release and milestones.
 */
export class DeclarationSimulator {
  private readonly goods: GoodsDraw;
  /** Latent-score thresholds per office: [red, yellow, blue]. */
  private readonly thresholds: number[][] = [];
  private readonly transportSamplers: WeightedSampler[];
  private readonly assessedValue = new Float64Array(maxItems);
  private readonly assessedDuty = new Float64Array(maxItems);
  private readonly declaredDuty = new Float64Array(maxItems);
  private readonly descriptions: Map<string, string> = new Map();

  /** A simulator writing to these sinks; the risk thresholds are calibrated on a separate stream. */
  constructor(
    private readonly admin: DemoAdministration,
    private readonly random: SeededRandom,
    private readonly sinks: DeclarationSinks,
    private readonly mirror: MirrorStatistics,
  ) {
    this.goods = new GoodsDraw(admin);
    this.transportSamplers = officeProfiles.map(
      (o) => new WeightedSampler(o.transport.map((t) => t[1])),
    );
    this.calibrate(new SeededRandom(admin.seed, 3));
  }

  /**
   * Sets each office's channel thresholds so that the risk engine sends the
   * office's target shares to red, yellow and blue (quantiles of the latent score).
   */
  private calibrate(random: SeededRandom): void {
    const draws = 4000;
    officeProfiles.forEach((profile, office) => {
      const latents = new Float64Array(draws);
      for (let k = 0; k < draws; k++) {
        this.goods.draw(random, office, k % 12);
        latents[k] = this.goods.latent;
      }
      latents.sort();
      const at = (share: number): number =>
        latents[Math.min(draws - 1, Math.max(0, Math.floor((1 - share) * draws)))] ?? 0;
      const red = profile.red;
      const yellow = red + profile.yellow;
      const blue = yellow + profile.blue;
      this.thresholds.push([at(red), at(yellow), at(blue)]);
    });
  }

  private description(text: string): string {
    let quoted = this.descriptions.get(text);
    if (quoted === undefined) {
      quoted = csvField(text);
      this.descriptions.set(text, quoted);
    }
    return quoted;
  }

  /** Simulates one declaration lodged at `lodged` (demo seconds) at an office, and writes its rows. */
  simulate(id: string, office: number, lodged: number): void {
    const admin = this.admin;
    const random = this.random;
    const profile = officeProfiles[office] as OfficeProfile;
    const day = Math.floor(lodged / daySeconds);
    const month = monthOf(lodged);
    const g = this.goods;
    g.draw(random, office, month);
    const declarant = g.declarant;
    const trader = g.trader;

    const [tRed = 0, tYellow = 0, tBlue = 0] = this.thresholds[office] ?? [];
    const z = g.latent;
    const risk = z >= tRed ? 'red' : z >= tYellow ? 'yellow' : z >= tBlue ? 'blue' : 'green';
    const score = 1 / (1 + Math.exp(-0.9 * (z - 1.5)));

    // Assignment: the system gives controlled declarations to an officer on duty.
    const roster = admin.rosters[office]?.[admin.rosterOfDay[office]?.[day] ?? 0];
    let officer: DemoOfficer | undefined;
    let manual = false;
    let paired = false;
    let final: string = risk;
    if (roster && roster.officers.length > 0) {
      const controlled = risk === 'red' || risk === 'yellow';
      if (controlled) {
        const mate = declarant.pairOfficer;
        if (
          mate >= 0 &&
          declarant.offices[0] === office &&
          roster.officers.includes(mate) &&
          random.chance(0.6)
        ) {
          officer = admin.officers[mate];
          manual = true;
          paired = true;
        } else {
          manual = random.chance(0.04);
          officer = admin.officers[roster.officers[roster.sampler.sample(random)] ?? 0];
        }
      } else if (risk === 'green' && random.chance(0.008)) {
        officer = admin.officers[roster.officers[roster.sampler.sample(random)] ?? 0];
        final = 'yellow';
      }
    }
    let changedBy = '';
    if (officer) {
      const downgrader = officer.schemes.has('downgrade');
      if (risk === 'red') {
        if (downgrader && random.chance(0.3)) final = random.chance(0.7) ? 'green' : 'yellow';
        else if (random.chance(0.02)) final = 'yellow';
      } else if (risk === 'yellow') {
        if (downgrader && random.chance(0.3)) final = 'green';
        else if (random.chance(0.03)) final = 'green';
        else if (random.chance(0.015)) final = 'red';
      }
      if (final !== risk) {
        const supervisors = roster?.supervisors ?? [];
        changedBy =
          !downgrader && supervisors.length > 0 && random.chance(0.15)
            ? (admin.officers[supervisors[random.int(supervisors.length)] ?? 0]?.id ?? officer.id)
            : officer.id;
      }
    }

    // Control and outcome.
    const inspected =
      final === 'red' && !random.chance(officer?.schemes.has('red_uninspected') ? 0.3 : 0.02);
    const controlled = officer !== undefined && (final === 'red' || final === 'yellow');
    let finding = false;
    if (controlled && officer) {
      const able = officer.traps.has('able_inspector');
      let p: number;
      if (g.fraud) {
        p = officer.ability * (inspected ? 1 : final === 'red' ? 0.2 : 0.45);
      } else {
        p = inspected ? (able ? 0.12 : 0.05) : able ? 0.05 : 0.03;
      }
      if (officer.schemes.has('low_detection')) p *= 0.2;
      if (paired) p *= 0.15;
      if (officer.schemes.has('undervaluation')) {
        for (let i = 0; i < g.count; i++) if (g.kind[i] === itemUndervalued) p *= 0.1;
      }
      finding = random.chance(p);
    }

    // Items, with the officer's re-assessment when there is a finding.
    let declaredValue = 0;
    let declaredDuty = 0;
    let assessedDuty = 0;
    for (let i = 0; i < g.count; i++) {
      const value = g.declaredValue[i] ?? 0;
      const duty = Math.round(value * g.declaredRate(i));
      this.declaredDuty[i] = duty;
      this.assessedValue[i] = value;
      this.assessedDuty[i] = duty;
      declaredValue += value;
      declaredDuty += duty;
    }
    if (finding && officer) {
      const able = officer.traps.has('able_inspector');
      const low = officer.schemes.has('low_uplift');
      let anyFraud = false;
      for (let i = 0; i < g.count; i++) {
        const kind = g.kind[i];
        if (kind !== itemUndervalued && kind !== itemMisclassified) continue;
        anyFraud = true;
        const r = low
          ? random.uniform(0, 0.08)
          : able
            ? random.uniform(1, 1.3)
            : random.uniform(0.75, 1);
        const trueDuty = (g.trueValue[i] ?? 0) * g.trueRate(i);
        const declared = this.declaredDuty[i] ?? 0;
        if (kind === itemUndervalued) {
          const v = g.declaredValue[i] ?? 0;
          this.assessedValue[i] = Math.round(v + r * ((g.trueValue[i] ?? 0) - v));
        }
        this.assessedDuty[i] = Math.max(declared, Math.round(declared + r * (trueDuty - declared)));
      }
      if (!anyFraud) {
        // A minor irregularity: one line re-valued a little.
        const i = random.int(g.count);
        const factor =
          1 +
          (low
            ? random.uniform(0.005, 0.03)
            : able
              ? random.uniform(0.1, 0.35)
              : random.uniform(0.05, 0.25));
        this.assessedValue[i] = Math.round((g.declaredValue[i] ?? 0) * factor);
        this.assessedDuty[i] = Math.round((this.declaredDuty[i] ?? 0) * factor);
      }
      for (let i = 0; i < g.count; i++) assessedDuty += this.assessedDuty[i] ?? 0;
    }

    // Release: hours by channel and office, the officer's pace, and the schemes.
    let hours: number;
    if (final === 'red') hours = inspected ? random.logNormal(60, 0.55) : random.logNormal(20, 0.6);
    else if (final === 'yellow') hours = random.logNormal(20, 0.6);
    else if (final === 'blue') hours = random.logNormal(4, 0.8);
    else hours = random.logNormal(3, 0.8);
    hours *= profile.slowness * (officer?.speed ?? 1);
    if (finding) hours *= 1.4;
    if (paired) hours *= 0.3;
    const fastEvent = inspected && !!officer?.schemes.has('fast_red') && random.chance(0.4);
    if (fastEvent) hours = random.uniform(1.5, 6);
    let release = lodged + Math.max(60, Math.round(hours * hourSeconds));
    if (!profile.roundTheClock) {
      if (officer?.schemes.has('off_hours') && random.chance(0.35)) {
        release =
          Math.floor(release / daySeconds) * daySeconds +
          Math.round(random.uniform(18.5, 23) * hourSeconds);
        if (release < lodged + 1800) release += daySeconds;
      } else if (!random.chance(officer ? 0.01 : 0.1)) {
        const open = nextWorkingTime(release);
        if (open !== release) release = open + random.int(5400);
      }
    } else if (!fastEvent) {
      // Round-the-clock offices still release mostly by day: many night releases wait for 06:00.
      const inDay = release % daySeconds;
      if ((inDay < 6 * hourSeconds || inDay >= 22 * hourSeconds) && random.chance(0.6)) {
        const morning = release - inDay + (inDay >= 22 * hourSeconds ? daySeconds : 0);
        release = morning + Math.round(random.uniform(6, 9) * hourSeconds);
      }
    }
    // Some goods stay held: a disputed finding, or goods abandoned after control.
    const held = controlled && random.chance(finding ? 0.05 : 0.004);
    const released = release <= extractCutoff && !held;

    const transport =
      profile.transport[this.transportSamplers[office]?.sample(random) ?? 0]?.[0] ?? '';
    const lodgedText = formatTimestamp(lodged);
    const releaseText = released ? formatTimestamp(release) : '';
    this.sinks.declarations.add(
      `${id},${profile.code},${trader.procedure},${lodgedText},${releaseText},${declarant.id},${trader.id},${g.partner},${transport},${risk},${final},${changedBy},${officer?.id ?? ''},${officer ? (manual ? 'manual' : 'auto') : ''},${inspected},${controlled ? (finding ? 'finding' : 'no_finding') : ''},${declaredValue},${declaredDuty},${finding ? assessedDuty : ''},${Math.round(score * 1000) / 1000}`,
    );

    const fx = admin.fxPerUsd[month] ?? 600;
    const partner = admin.partnerIndex.get(g.partner) ?? 0;
    for (let i = 0; i < g.count; i++) {
      const declaredProduct = g.catalogue[g.declaredProduct[i] ?? 0];
      const trueProduct = g.catalogue[g.product[i] ?? 0];
      if (!declaredProduct || !trueProduct) continue;
      const kg = g.massKg[i] ?? 0;
      const unit = trueProduct.unit;
      const quantity =
        unit === 'KGM'
          ? kg
          : unit === 'LTR'
            ? Math.round(kg / 0.92)
            : unit === 'MTQ'
              ? Math.round((kg / trueProduct.kgPerUnit) * 1000) / 1000
              : Math.max(1, Math.round(kg / trueProduct.kgPerUnit));
      const value = g.declaredValue[i] ?? 0;
      const assessedValue = this.assessedValue[i] ?? value;
      this.sinks.items.add(
        `${id},${i + 1},${g.line[i]},${g.origin[i]},${this.description(declaredProduct.description)},${quantity},${unit},${kg},${value},${finding && assessedValue !== value ? assessedValue : ''},${g.declaredRate(i)},${this.declaredDuty[i]},${finding ? this.assessedDuty[i] : ''}`,
      );
      if (trader.procedure === 'import') {
        this.mirror.add(g.product[i] ?? 0, partner, month, (g.trueValue[i] ?? 0) / fx, kg);
      }
    }
    this.writeMilestones(
      id,
      profile,
      transport,
      lodged,
      released ? release : -1,
      inspected,
      controlled,
    );
  }

  private writeMilestones(
    id: string,
    profile: OfficeProfile,
    transport: string,
    lodged: number,
    release: number,
    inspected: boolean,
    controlled: boolean,
  ): void {
    const random = this.random;
    const out = this.sinks.milestones;
    const h = hourSeconds;
    const before =
      transport === '1'
        ? random.uniform(24, 240)
        : transport === '2'
          ? random.uniform(24, 96)
          : transport === '4'
            ? random.uniform(2, 36)
            : transport === '5'
              ? random.uniform(48, 360)
              : random.uniform(0.5, 10);
    const agency = arrivalAgency[profile.kind] ?? '';
    const end = release >= 0 ? release : extractCutoff;
    const span = end - lodged;
    // Some goods are declared before they arrive (pre-arrival lodgement).
    let arrival = lodged - Math.round(before * h);
    if (random.chance(0.12) && span > 4 * h)
      arrival = lodged + Math.round(random.uniform(0.05, 0.2) * span);
    out.add(`${id},arrival,${formatTimestamp(arrival)},${agency}`);
    out.add(`${id},lodgement,${formatTimestamp(lodged)},`);
    if (release < 0) {
      if (controlled && lodged + 2 * h <= extractCutoff)
        out.add(`${id},assessment,${formatTimestamp(lodged + 2 * h)},`);
      return;
    }
    const assessment = lodged + Math.max(30, Math.round(span * random.uniform(0.03, 0.12)));
    const payment = assessment + Math.max(30, Math.round(span * random.uniform(0.02, 0.1)));
    out.add(`${id},assessment,${formatTimestamp(assessment)},`);
    out.add(`${id},payment,${formatTimestamp(payment)},`);
    if (inspected) {
      const start = payment + Math.round(span * random.uniform(0.05, 0.25));
      const finish = start + Math.round(span * random.uniform(0.05, 0.25));
      out.add(`${id},inspection_start,${formatTimestamp(start)},`);
      out.add(`${id},inspection_end,${formatTimestamp(finish)},`);
    }
    out.add(`${id},release,${formatTimestamp(release)},`);
    const after =
      transport === '1'
        ? random.uniform(2, 72)
        : transport === '4'
          ? random.uniform(0.5, 24)
          : transport === '5'
            ? random.uniform(1, 96)
            : random.uniform(0.1, 4);
    const exit = release + Math.round(after * h);
    if (exit <= extractCutoff) {
      out.add(
        `${id},exit,${formatTimestamp(exit)},${profile.kind === 'seaport' ? 'Terminal operator' : ''}`,
      );
    }
  }
}
