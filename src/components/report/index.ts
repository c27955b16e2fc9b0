/** The components the MDX body of a report uses, by the names the converter writes. */
import Heading from './Heading.astro';
import Para from './Para.astro';
import Items from './Items.astro';
import Item from './Item.astro';
import KeyFigure from './KeyFigure.astro';
import Notes from './Notes.astro';
import Note from './Note.astro';
import NoteRef from './NoteRef.astro';
import Doc from './Doc.astro';
import ParaRef from './ParaRef.astro';
import Country from './Country.astro';
import Chart from './Chart.astro';
import Inlines from './Inlines.astro';

export const reportComponents = { Heading, Para, Items, Item, KeyFigure, Notes, Note, NoteRef, Doc, ParaRef, Country, Chart, Inlines };
