// The engagement module's public API: attendance per patient, dropout risk, outreach and the
// attendance dashboard.
export { engagementRoutes } from './engagement.routes.js';
export { attendanceStats, classify, type AttendanceItem, type AttendanceStats } from './domain/attendance.js';
export { engagementScore, type EngagementScore } from './domain/engagement-score.js';
