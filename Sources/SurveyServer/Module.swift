// SurveyServer
