/** Message ids of the default questions' labels, for readers who cannot fetch the questionnaire. */
export const defaultQuestionLabels: Readonly<Record<string, string>> = {
  what: 'reportQuestion.what',
  office: 'reportQuestion.office',
  when: 'reportQuestion.when',
  who: 'reportQuestion.who',
  amount: 'reportQuestion.amount',
  details: 'reportQuestion.details',
};
