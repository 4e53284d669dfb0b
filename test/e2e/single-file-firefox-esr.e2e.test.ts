import { singleFileJourneysIn } from './support/single-file-journeys';

singleFileJourneysIn('firefox-esr');
