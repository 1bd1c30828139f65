// Shapes of the reporting channel's recipient API (docs/reporting-channel.md): the server's own types.
export type {
  MessagePosted,
  MyRecipientKey,
  RecipientList,
  RecipientSummary,
  ReportDetail,
  ReportList,
  ReportOutcome,
  ReportReminders,
  ReportSummary,
  ReportTriaged,
  ReportAttachment,
  ReportQuestionnaire,
} from '@probity/server';
