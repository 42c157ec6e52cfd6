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
 * The progress report a person brings to a session, as a PDF: what the report page says
 * (readings, a chart of promises kept with its table, the weekly figures, the stuck
 * signals and the review lines chosen), addressed to the reader as "you". A partner's
 * figures appear only where they shared them.
 */
@Component
class ProgressReport {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);

	private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

	private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);

	private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);

	/**
	 * The report as a PDF, saying what the report page says, in one voice ("you": it is
	 * the reader's own report).
	 * @param name what the person is called
	 * @param progress the progress as its owner reads it ({@link Progress#ownedBy})
	 * @param lines the review lines; those chosen for the report go in
	 * @param partner whether it is a partner's report: a partner keeps no promises and
	 * logs no talks here, so those readings, the chart and those columns stay out
	 */
	byte[] pdf(String name, Progress progress, List<WeeklyReview.Line> lines, boolean partner) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter writer = PdfWriter.getInstance(document, bytes);
		document.addTitle("Progress report");
		document.open();
		List<Progress.WeekRow> weeks = progress.weeks();
		document.add(new Paragraph("Progress report: " + name, TITLE));
		document.add(
				new Paragraph(
						"%s to %s (%s). %s".formatted(DAY.format(weeks.get(0).monday()),
								DAY.format(weeks.get(weeks.size() - 1).monday().plusDays(6)),
								Readings.weeks(weeks.size()),
								partner ? "Made by Steadfast for you to keep, or to bring to someone who supports you."
										: "Made by Steadfast for you to bring to a session with your therapist."),
						SMALL));
		document.add(new Paragraph("Your partner's figures appear only where they shared them with you.", SMALL));

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

		section(document, "In plain words");
		if (!partner) {
			document.add(reading(progress.promisesReading()));
		}
		document.add(reading(progress.feelingsReading()));
		if (!partner) {
			document.add(reading(progress.talksReading()));
		}
		document.add(reading(progress.pulseReading()));
		if (progress.questions() != null) {
			document.add(reading(progress.questions().reading()));
		}

		if (progress.hasPromises() && !partner) {
			section(document, "Promises kept per week");
			chart(writer, document, weeks);
		}

		section(document, "Week by week");
		List<String> headers = new java.util.ArrayList<>(List.of("Week of"));
		if (!partner) {
			headers.add("Promises kept");
		}
		headers.addAll(List.of("Check-ins", "Intensity", "Named most"));
		if (!partner) {
			headers.addAll(List.of("Talks", "Defensive"));
		}
		headers.addAll(List.of("Pulse", "Partner's pulse"));
		PdfPTable table = new PdfPTable(headers.size());
		table.setWidthPercentage(100);
		for (String header : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(header, SMALL_BOLD));
			cell.setBackgroundColor(new Color(0xE4, 0xE8, 0xEC));
			table.addCell(cell);
		}
		for (Progress.WeekRow w : weeks) {
			table.addCell(new Phrase(DAY.format(w.monday()) + (w.current() ? " (so far)" : ""), SMALL));
			if (!partner) {
				table.addCell(new Phrase((w.due() == 0) ? "nothing due" : w.kept() + " of " + w.due(), SMALL));
			}
			table.addCell(new Phrase(String.valueOf(w.checkIns()), SMALL));
			table.addCell(new Phrase(text(w.averageIntensity()), SMALL));
			table.addCell(new Phrase((w.topFamily() != null) ? w.topFamily() : "-", SMALL));
			if (!partner) {
				table.addCell(new Phrase(String.valueOf(w.talks()), SMALL));
				table.addCell(new Phrase(text(w.averageDefensiveness()), SMALL));
			}
			table.addCell(new Phrase(text(w.myPulse()), SMALL));
			table.addCell(new Phrase((w.partnerPulse() != null) ? w.partnerPulse().toString() : "not shared", SMALL));
		}
		document.add(table);

		section(document, "What you learned, in your words");
		List<WeeklyReview.Line> chosen = lines.stream().filter(WeeklyReview.Line::inReport).toList();
		if (chosen.isEmpty()) {
			document.add(new Paragraph("You chose no review lines for this report.", TEXT));
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

	private static Paragraph reading(String text) {
		Paragraph paragraph = new Paragraph(text, TEXT);
		paragraph.setSpacingAfter(4);
		return paragraph;
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
				canvas.setColorFill(w.current() ? new Color(0x4A, 0x6F, 0x8F) : new Color(0x1F, 0x4F, 0x7A));
				canvas.rectangle(left + i * 34 + 4, bottom, 24, bar);
				canvas.fill();
			}
		}
		Paragraph space = new Paragraph(" ", TEXT);
		space.setSpacingAfter(height + 4);
		space.setAlignment(Element.ALIGN_LEFT);
		document.add(space);
		document.add(new Paragraph(
				"Share of due promises kept per week, oldest on the left; the lighter bar is the week under way. The table below has the same figures.",
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
