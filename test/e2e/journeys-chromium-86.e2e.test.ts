import { journeysIn } from './support/journeys';

journeysIn('chromium-86');
