import { journeysIn } from './support/journeys';

journeysIn('debian-chromium');
