/**
 * Schemas of the perception survey routes (docs/surveys.md): bundled
 * questionnaires by the ten Revised Arusha Declaration factors, survey
 * rounds, the public answer form, and results that never show a group
 * smaller than the round's minimum group size.
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';

/** A text in English and French. */
export const SurveyText = Type.Object({ en: Type.String(), fr: Type.String() });
/** A text in English and French. */
export type SurveyText = Static<typeof SurveyText>;

/** Who a questionnaire is for. */
export const SurveyAudience = Type.Union([
  Type.Literal('private_sector'),
  Type.Literal('officials'),
]);
/** Who a questionnaire is for. */
export type SurveyAudience = Static<typeof SurveyAudience>;

/** One Likert statement (1 strongly disagree … 5 strongly agree; 0 = don't know). */
export const SurveyItem = Type.Object({ id: Type.String(), text: SurveyText });
/** One Likert statement. */
export type SurveyItem = Static<typeof SurveyItem>;

/** The statements of one Arusha factor. */
export const SurveyFactor = Type.Object({
  id: Type.String(),
  name: SurveyText,
  items: Type.Array(SurveyItem),
});
/** The statements of one Arusha factor. */
export type SurveyFactor = Static<typeof SurveyFactor>;

/** A choice of the optional profile question (the only breakdown of the results). */
export const SurveyProfileOption = Type.Object({ id: Type.String(), label: SurveyText });
/** A choice of the optional profile question. */
export type SurveyProfileOption = Static<typeof SurveyProfileOption>;

/** A questionnaire: ten factors, a few statements each, one optional profile question. */
export const Questionnaire = Type.Object({
  id: Type.String(),
  audience: SurveyAudience,
  title: SurveyText,
  introduction: SurveyText,
  /** Labels of the answers 1 to 5, then of "don't know". */
  scale: Type.Array(SurveyText, { minItems: 6, maxItems: 6 }),
  profile: Type.Object({ question: SurveyText, options: Type.Array(SurveyProfileOption) }),
  factors: Type.Array(SurveyFactor),
});
/** A questionnaire. */
export type Questionnaire = Static<typeof Questionnaire>;

/** `GET /api/surveys/questionnaires`. */
export const QuestionnaireList = Type.Object({ questionnaires: Type.Array(Questionnaire) });
/** `GET /api/surveys/questionnaires`. */
export type QuestionnaireList = Static<typeof QuestionnaireList>;

/** How respondents reach a round. */
export const SurveyAccessMode = Type.Union([
  /** Anyone with the link may answer, within a global hourly budget. */
  Type.Literal('open'),
  /** The link plus a single-use invitation code issued in bulk. */
  Type.Literal('invitation'),
]);
/** How respondents reach a round. */
export type SurveyAccessMode = Static<typeof SurveyAccessMode>;

/** A round's state, from its dates (UTC days, both ends included) and an early closure. */
export const SurveyRoundStatus = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('open'),
  Type.Literal('closed'),
]);
/** A round's state. */
export type SurveyRoundStatus = Static<typeof SurveyRoundStatus>;

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (UTC)' });

/** `POST /api/surveys/rounds` body. */
export const SurveyRoundCreate = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  questionnaireId: Type.String({ minLength: 1, maxLength: 100 }),
  opensOn: Day,
  closesOn: Day,
  accessMode: Type.Optional(SurveyAccessMode),
  /** Smallest group whose results are shown (default 10; at least 5). Fixed once created. */
  minGroupSize: Type.Optional(Type.Integer({ minimum: 5, maximum: 1000 })),
  /** Most answers accepted per hour for the round, whoever sends them (default 600). */
  answersPerHour: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
/** `POST /api/surveys/rounds` body. */
export type SurveyRoundCreate = Static<typeof SurveyRoundCreate>;

/** A survey round as the workspace sees it. */
export const SurveyRound = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  audience: SurveyAudience,
  questionnaireId: Type.String(),
  opensOn: Type.String(),
  closesOn: Type.String(),
  /** The UTC day a manager closed the round before its closing date, if any. */
  closedEarlyOn: Type.Union([Type.String(), Type.Null()]),
  status: SurveyRoundStatus,
  accessMode: SurveyAccessMode,
  minGroupSize: Type.Integer(),
  answersPerHour: Type.Integer(),
  /** Path of the distribution link (`/survey/<token>`); managers only, null for other roles. */
  linkPath: Type.Union([Type.String(), Type.Null()]),
  /** Answers received so far (a count only: results wait for the round to close). */
  answers: Type.Integer(),
  invitationsIssued: Type.Integer(),
  createdAt: Type.String(),
});
/** A survey round. */
export type SurveyRound = Static<typeof SurveyRound>;

/** `GET /api/surveys/rounds`. */
export const SurveyRoundList = Type.Object({ rounds: Type.Array(SurveyRound) });
/** `GET /api/surveys/rounds`. */
export type SurveyRoundList = Static<typeof SurveyRoundList>;

/** A route's `:id` parameter. */
export const SurveyRoundParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** A route's `:id` parameter. */
export type SurveyRoundParams = Static<typeof SurveyRoundParams>;

/** `POST /api/surveys/rounds/:id/invitations` body. */
export const InvitationRequest = Type.Object({
  count: Type.Integer({ minimum: 1, maximum: 5000 }),
});
/** `POST /api/surveys/rounds/:id/invitations` body. */
export type InvitationRequest = Static<typeof InvitationRequest>;

/** The new invitation codes, shown once (the server keeps only their hashes). */
export const InvitationCodes = Type.Object({
  codes: Type.Array(Type.String()),
  invitationsIssued: Type.Integer(),
});
/** The new invitation codes. */
export type InvitationCodes = Static<typeof InvitationCodes>;

/** Counts of the answers 1 to 5 and of "don't know". */
export const AnswerDistribution = Type.Object({
  '1': Type.Integer(),
  '2': Type.Integer(),
  '3': Type.Integer(),
  '4': Type.Integer(),
  '5': Type.Integer(),
  dontKnow: Type.Integer(),
});
/** Counts of the answers 1 to 5 and of "don't know". */
export type AnswerDistribution = Static<typeof AnswerDistribution>;

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** Results of one statement within a group. */
export const ItemResult = Type.Object({
  item: Type.String(),
  text: SurveyText,
  /** Answers 1 to 5 (not "don't know"). */
  n: Type.Integer(),
  mean: NullableNumber,
  distribution: AnswerDistribution,
});
/** Results of one statement. */
export type ItemResult = Static<typeof ItemResult>;

/**
 * Results of one factor within a group. A respondent's factor score is the
 * mean of their answers 1 to 5 on the factor's statements; `n` counts the
 * respondents with a score, `mean` and `sd` are over the scores, and a
 * respondent is favourable when their score is 4 or more.
 */
export const FactorResult = Type.Object({
  factor: Type.String(),
  name: SurveyText,
  n: Type.Integer(),
  mean: NullableNumber,
  sd: NullableNumber,
  shareFavourable: NullableNumber,
  /** Every answer to the factor's statements. */
  distribution: AnswerDistribution,
  items: Type.Array(ItemResult),
});
/** Results of one factor. */
export type FactorResult = Static<typeof FactorResult>;

/** The comments on one factor: text only, in no meaningful order, without any metadata. */
export const FactorComments = Type.Object({
  factor: Type.String(),
  texts: Type.Array(Type.String()),
});
/** The comments on one factor. */
export type FactorComments = Static<typeof FactorComments>;

/** One group (the whole round, or one answer of the profile question). */
export const GroupResult = Type.Object({
  /** Profile option id; `null` for the whole round, `not_stated` for no answer. */
  group: Type.Union([Type.String(), Type.Null()]),
  label: SurveyText,
  /** True when the group (or, to stop subtraction, its neighbours) is too small to show. */
  suppressed: Type.Boolean(),
  /** Respondents in the group; null when suppressed. */
  respondents: Type.Union([Type.Integer(), Type.Null()]),
  /** Empty when suppressed. */
  factors: Type.Array(FactorResult),
});
/** One group's results. */
export type GroupResult = Static<typeof GroupResult>;

/** `GET /api/surveys/rounds/:id/results`. */
export const SurveyResults = Type.Object({
  round: SurveyRound,
  minGroupSize: Type.Integer(),
  overall: GroupResult,
  breakdown: Type.Object({ question: SurveyText, groups: Type.Array(GroupResult) }),
  /** Comments of the whole round, per factor; empty unless the round has ≥ minGroupSize answers. */
  comments: Type.Array(FactorComments),
});
/** `GET /api/surveys/rounds/:id/results`. */
export type SurveyResults = Static<typeof SurveyResults>;

/** `GET /api/surveys/rounds/:id/export` query. */
export const SurveyExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')])),
});
/** `GET /api/surveys/rounds/:id/export` query. */
export type SurveyExportQuery = Static<typeof SurveyExportQuery>;

/** The JSON export: the results without the comments (aggregates only). */
export const SurveyExport = Type.Object({
  round: SurveyRound,
  minGroupSize: Type.Integer(),
  overall: GroupResult,
  breakdown: Type.Object({ question: SurveyText, groups: Type.Array(GroupResult) }),
});
/** The JSON export. */
export type SurveyExport = Static<typeof SurveyExport>;

/** `GET /api/surveys/comparison` query: two closed rounds of one audience. */
export const SurveyComparisonQuery = Type.Object({
  earlier: Type.Integer({ minimum: 1 }),
  later: Type.Integer({ minimum: 1 }),
});
/** `GET /api/surveys/comparison` query. */
export type SurveyComparisonQuery = Static<typeof SurveyComparisonQuery>;

/** A change between rounds with its confidence interval. */
export const Change = Type.Object({
  estimate: Type.Number(),
  low: Type.Number(),
  high: Type.Number(),
});
/** A change between rounds with its confidence interval. */
export type Change = Static<typeof Change>;

const FactorSummary = Type.Union([
  Type.Object({ n: Type.Integer(), mean: NullableNumber, shareFavourable: NullableNumber }),
  Type.Null(),
]);

/** One factor compared across two rounds; null parts when a round's whole group is suppressed. */
export const FactorChange = Type.Object({
  factor: Type.String(),
  name: SurveyText,
  earlier: FactorSummary,
  later: FactorSummary,
  /** Later mean − earlier mean, Welch's t interval. */
  meanChange: Type.Union([Change, Type.Null()]),
  /** Later share favourable − earlier, Newcombe's hybrid score interval. */
  shareFavourableChange: Type.Union([Change, Type.Null()]),
});
/** One factor compared across two rounds. */
export type FactorChange = Static<typeof FactorChange>;

/** `GET /api/surveys/comparison`. */
export const SurveyComparison = Type.Object({
  earlier: SurveyRound,
  later: SurveyRound,
  confidenceLevel: Type.Number(),
  factors: Type.Array(FactorChange),
});
/** `GET /api/surveys/comparison`. */
export type SurveyComparison = Static<typeof SurveyComparison>;

/** The public answer form's `:token` parameter. */
export const PublicSurveyParams = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 100 }),
});
/** The public answer form's `:token` parameter. */
export type PublicSurveyParams = Static<typeof PublicSurveyParams>;

/** `GET /api/public/surveys/:token`: what a respondent needs, nothing about other answers. */
export const PublicSurvey = Type.Object({
  title: Type.String(),
  status: SurveyRoundStatus,
  opensOn: Type.String(),
  closesOn: Type.String(),
  accessMode: SurveyAccessMode,
  /** Results are never shown for a group smaller than this (told to respondents). */
  minGroupSize: Type.Integer(),
  /** Null unless the round is open. */
  questionnaire: Type.Union([Questionnaire, Type.Null()]),
});
/** `GET /api/public/surveys/:token`. */
export type PublicSurvey = Static<typeof PublicSurvey>;

/** `POST /api/public/surveys/:token/answers` body. */
export const SurveyAnswerSubmission = Type.Object({
  /** Statement id → 1..5, or 0 for "don't know"; statements left out were skipped. */
  items: Type.Record(Type.String({ maxLength: 100 }), Type.Integer({ minimum: 0, maximum: 5 })),
  /** Profile option id, or null / absent for no answer (null first: Ajv's coercion would make it ''). */
  group: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 100 })])),
  /** Factor id → comment. */
  comments: Type.Optional(
    Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 2000 })),
  ),
  /** Required in invitation rounds. */
  invitationCode: Type.Optional(Type.String({ maxLength: 100 })),
});
/** `POST /api/public/surveys/:token/answers` body. */
export type SurveyAnswerSubmission = Static<typeof SurveyAnswerSubmission>;

/** `POST /api/public/surveys/:token/answers` answer: nothing but the receipt of the answer. */
export const SurveyAnswerReceived = Type.Object({ received: Type.Literal(true) });
/** `POST /api/public/surveys/:token/answers` answer. */
export type SurveyAnswerReceived = Static<typeof SurveyAnswerReceived>;
