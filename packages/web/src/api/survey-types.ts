// Shapes of the perception survey and transparency text APIs (docs/surveys.md): the server's own types.
export type {
  Change,
  FactorChange,
  FactorResult,
  GroupResult,
  InvitationCodes,
  Questionnaire,
  QuestionnaireList,
  SurveyComparison,
  SurveyResults,
  SurveyRound,
  SurveyRoundCreate,
  SurveyRoundList,
  TransparencyTexts,
  TransparencyTextsState,
} from '@probity/server';
