import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws the app's icons (the favicon's mark: a level line over a gentle curve, white on
 * the accent colour) into src/main/resources/static/images/. Run once from the project
 * folder after changing the mark: {@code java scripts/icons/Icons.java}.
 */
public class Icons {

	private static final Color ACCENT = new Color(0x1d5c63);

	public static void main(String[] args) throws IOException {
		File folder = new File("src/main/resources/static/images");
		write(icon(192, false), new File(folder, "icon-192.png"));
		write(icon(512, false), new File(folder, "icon-512.png"));
		// A maskable icon is cut to any shape: full-bleed colour, the mark inside the
		// central safe circle (80% of the width).
		write(icon(512, true), new File(folder, "icon-maskable-512.png"));
		write(icon(180, true), new File(folder, "apple-touch-icon.png"));
	}

	static BufferedImage icon(int size, boolean maskable) {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setColor(ACCENT);
		if (maskable) {
			g.fillRect(0, 0, size, size);
		}
		else {
			double r = size * 6.0 / 32;
			g.fill(new RoundRectangle2D.Double(0, 0, size, size, r * 2, r * 2));
		}
		// The favicon's 32-unit drawing, scaled; a maskable icon draws it smaller.
		double scale = size / 32.0 * (maskable ? 0.72 : 1.0);
		double offset = (size - 32 * scale) / 2;
		g.translate(offset, offset);
		g.scale(scale, scale);
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		GeneralPath curve = new GeneralPath();
		curve.moveTo(9, 20);
		curve.curveTo(11, 22, 14, 23, 16, 23);
		curve.curveTo(18, 23, 21, 22, 23, 20);
		g.draw(curve);
		g.draw(new Line2D.Double(11, 12, 21, 12));
		g.dispose();
		return image;
	}

	static void write(BufferedImage image, File file) throws IOException {
		if (!ImageIO.write(image, "png", file)) {
			throw new IOException("No PNG writer");
		}
		System.out.println("Wrote " + file);
	}

}
