// SurveyReports
