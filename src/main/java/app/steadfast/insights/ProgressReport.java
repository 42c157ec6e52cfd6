package app.steadfast.insights;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

/**
 * The progress report he brings to a session, as a PDF: readings, a chart of promises
 * kept with its table, the weekly figures, the stuck signals and the review lines he
 * chose. His partner's figures appear only where they shared them with him.
 */
@Component
class ProgressReport {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);

	private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

	private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);

	byte[] pdf(String name, Progress progress, List<WeeklyReview.Line> lines) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter writer = PdfWriter.getInstance(document, bytes);
		document.addTitle("Progress report");
		document.open();
		List<Progress.WeekRow> weeks = progress.weeks();
		document.add(new Paragraph("Progress report: " + name, TITLE));
		document.add(new Paragraph("%s to %s (%d weeks). Made by Steadfast for a session with his therapist.".formatted(
				DAY.format(weeks.get(0).monday()), DAY.format(weeks.get(weeks.size() - 1).monday().plusDays(6)),
				weeks.size()), SMALL));

		section(document, "Worth talking about");
		if (progress.signals().isEmpty()) {
			document.add(new Paragraph("No stuck signals in these weeks.", TEXT));
		}
		for (StuckSignal signal : progress.signals()) {
			document.add(new Paragraph(signal.headline(), TEXT));
			for (String line : signal.evidence()) {
				document.add(new Paragraph("   " + line, SMALL));
			}
		}

		section(document, "Promises kept");
		document.add(new Paragraph(progress.promisesReading(), TEXT));
		chart(writer, document, weeks);

		section(document, "What he felt");
		document.add(new Paragraph(progress.feelingsReading(), TEXT));
		section(document, "Hard conversations");
		document.add(new Paragraph(progress.talksReading(), TEXT));
		section(document, "The weekly trust pulse");
		document.add(new Paragraph(progress.pulseReading(), TEXT));
		if (progress.questions() != null) {
			section(document, "His partner's questions");
			document.add(new Paragraph(progress.questions().reading(), TEXT));
		}

		section(document, "Week by week");
		PdfPTable table = new PdfPTable(new float[] { 2.2f, 1.3f, 1f, 1.2f, 1.6f, 1f, 1.2f, 1f, 1.2f });
		table.setWidthPercentage(100);
		for (String header : List.of("Week of", "Promises kept", "Check-ins", "Intensity", "Named most", "Talks",
				"Defensive", "Pulse", "Partner's pulse")) {
			PdfPCell cell = new PdfPCell(new Phrase(header, SMALL));
			cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
			table.addCell(cell);
		}
		for (Progress.WeekRow w : weeks) {
			table.addCell(new Phrase(DAY.format(w.monday()) + (w.current() ? " (so far)" : ""), SMALL));
			table.addCell(new Phrase((w.due() == 0) ? "nothing due" : w.kept() + " of " + w.due(), SMALL));
			table.addCell(new Phrase(String.valueOf(w.checkIns()), SMALL));
			table.addCell(new Phrase(text(w.averageIntensity()), SMALL));
			table.addCell(new Phrase((w.topFamily() != null) ? w.topFamily() : "-", SMALL));
			table.addCell(new Phrase(String.valueOf(w.talks()), SMALL));
			table.addCell(new Phrase(text(w.averageDefensiveness()), SMALL));
			table.addCell(new Phrase(text(w.myPulse()), SMALL));
			table.addCell(new Phrase((w.partnerPulse() != null) ? w.partnerPulse().toString() : "not shared", SMALL));
		}
		document.add(table);

		section(document, "What he learned, in his words");
		List<WeeklyReview.Line> chosen = lines.stream().filter(WeeklyReview.Line::inReport).toList();
		if (chosen.isEmpty()) {
			document.add(new Paragraph("He chose no review lines for this report.", TEXT));
		}
		for (WeeklyReview.Line line : chosen) {
			Paragraph paragraph = new Paragraph();
			paragraph.add(new Chunk("Week of " + DAY.format(line.weekStart()) + ": ", SMALL));
			paragraph.add(new Chunk(line.learned(), TEXT));
			document.add(paragraph);
		}
		document.close();
		return bytes.toByteArray();
	}

	/** Bars of promises kept per week, drawn where the text has reached. */
	private static void chart(PdfWriter writer, Document document, List<Progress.WeekRow> weeks) {
		float height = 90;
		float top = writer.getVerticalPosition(true) - 8;
		if (top - height < document.bottomMargin() + 20) {
			document.newPage();
			top = writer.getVerticalPosition(true) - 8;
		}
		float left = document.leftMargin() + 24;
		float bottom = top - height;
		PdfContentByte canvas = writer.getDirectContent();
		canvas.setColorStroke(Color.GRAY);
		canvas.moveTo(left, bottom);
		canvas.lineTo(left + weeks.size() * 34, bottom);
		canvas.stroke();
		for (int i = 0; i < weeks.size(); i++) {
			Progress.WeekRow w = weeks.get(i);
			if (w.due() > 0) {
				float bar = Math.max(1, height * w.keptPercent() / 100f);
				canvas.setColorFill(w.current() ? new Color(0x7F, 0xA7, 0xC9) : new Color(0x1F, 0x5F, 0x8F));
				canvas.rectangle(left + i * 34 + 4, bottom, 24, bar);
				canvas.fill();
			}
		}
		Paragraph space = new Paragraph(" ", TEXT);
		space.setSpacingAfter(height + 4);
		space.setAlignment(Element.ALIGN_LEFT);
		document.add(space);
		document.add(new Paragraph(
				"Share of due promises kept per week, oldest on the left; the table below has the same figures.",
				SMALL));
	}

	private static void section(Document document, String title) {
		Paragraph heading = new Paragraph(title, HEADING);
		heading.setSpacingBefore(12);
		heading.setSpacingAfter(4);
		document.add(heading);
	}

	private static String text(Double value) {
		return (value != null) ? value.toString() : "-";
	}

}
