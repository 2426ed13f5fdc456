/** Notification mail: the dispatcher, its templates, and the unsubscribe route. */
export {
  startNotificationDispatcher,
  type NotificationDispatcher,
  type NotificationDispatcherOptions,
} from './dispatcher.js';
export { notificationRoutes, type NotificationRouteDeps } from './routes.js';
export { renderNotification, type NotificationFacts, type RenderedMail } from './templates.js';
export { unsubscribeUrl, isValidUnsubscribe } from './unsubscribe-link.js';
