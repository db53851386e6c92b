/// Stage placeholder until its first type lands.
enum SurveyEntryStage {}
