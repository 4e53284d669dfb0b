import { journeysIn } from './support/journeys';

journeysIn('firefox-esr');
