import { singleFileJourneysIn } from './support/single-file-journeys';

singleFileJourneysIn('chromium-86');
